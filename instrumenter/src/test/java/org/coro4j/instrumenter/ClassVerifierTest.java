package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The check run on every written class rejects broken data flow and accepts sound code. */
class ClassVerifierTest {

    private static byte[] classReturning(int loadOpcode) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Probe", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "value", "(I)I", null, null);
        method.visitCode();
        method.visitVarInsn(loadOpcode, 0);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(1, 1);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void soundMethodPasses() {
        assertDoesNotThrow(() -> ClassVerifier.verify(classReturning(Opcodes.ILOAD)));
    }

    @Test
    void referenceUsedAsIntIsRejected() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ClassVerifier.verify(classReturning(Opcodes.ALOAD)));
        assertTrue(error.getMessage().startsWith("instrumenter wrote an invalid class Probe"), error.getMessage());
    }
}
