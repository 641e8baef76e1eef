package org.coro4j.instrumenter;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * Reads the length of each method's bytecode ({@code code_length} of its {@code Code} attribute)
 * straight from a class file, which ASM's visitors do not report.
 */
final class CodeSizes {
    private CodeSizes() {
    }

    /** The bytecode length of every method with code in {@code classFile}, keyed by name and descriptor. */
    static Map<String, Integer> of(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        int offset = reader.header + 6;
        offset += 2 + 2 * reader.readUnsignedShort(offset);
        offset = skipMembers(reader, offset);
        Map<String, Integer> sizes = new HashMap<>();
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            String key = reader.readUTF8(offset + 2, buffer) + reader.readUTF8(offset + 4, buffer);
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                if (reader.readUTF8(offset, buffer).equals("Code")) {
                    sizes.put(key, reader.readInt(offset + 10));
                }
                offset += 6 + reader.readInt(offset + 2);
            }
        }
        return sizes;
    }

    private static int skipMembers(ClassReader reader, int offset) {
        int count = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                offset += 6 + reader.readInt(offset + 2);
            }
        }
        return offset;
    }
}
