package org.coro4j.instrumenter;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Checks every class the instrumenter writes before it is handed out, with ASM's
 * {@link CheckClassAdapter}: the class structure, and each method's data flow with a
 * {@link BasicVerifier}, which needs no class hierarchy and so loads no user class. A failure here
 * is a bug in the instrumenter.
 */
final class ClassVerifier {
    private ClassVerifier() {
    }

    /** Verifies {@code classFile}; throws {@link IllegalStateException} describing the first fault. */
    static void verify(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        try {
            reader.accept(new CheckClassAdapter(new ClassNode(), true), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("instrumenter wrote an invalid class " + reader.getClassName() + ": " + e.getMessage(), e);
        }
    }
}
