package org.coro4j.instrumenter;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;

/**
 * Rejects most classes without parsing them: a class that can hold a coroutine names
 * {@code org/coro4j/Await} or {@code @Async} in its constant pool.
 */
final class ConstantPoolScan {
    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final byte[][] NEEDLES = {
        RuntimeNames.AWAIT.getBytes(StandardCharsets.US_ASCII),
        RuntimeNames.ASYNC_DESC.getBytes(StandardCharsets.US_ASCII),
    };

    private ConstantPoolScan() {
    }

    static boolean mentionsCoroutines(ClassReader reader) {
        int count = reader.getItemCount();
        for (int item = 1; item < count; item++) {
            int offset = reader.getItem(item);
            if (offset == 0) {
                continue;
            }
            int tag = reader.readByte(offset - 1);
            if (tag == UTF8 && isNeedle(reader, offset)) {
                return true;
            }
            if (tag == LONG || tag == DOUBLE) {
                item++;
            }
        }
        return false;
    }

    private static boolean isNeedle(ClassReader reader, int offset) {
        int length = reader.readUnsignedShort(offset);
        for (byte[] needle : NEEDLES) {
            if (needle.length == length && sameBytes(reader, offset + 2, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameBytes(ClassReader reader, int start, byte[] needle) {
        for (int i = 0; i < needle.length; i++) {
            if ((byte) reader.readByte(start + i) != needle[i]) {
                return false;
            }
        }
        return true;
    }
}
