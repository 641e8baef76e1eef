package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The check run on every written class rejects broken data flow and oversized frames, and accepts sound code. */
class ClassVerifierTest {

    /**
     * A method {@code value(int)} that returns its argument loaded with {@code loadOpcode} after a
     * branch, whose frame lists {@code frameLocals} after the argument, with {@code max_locals} 1.
     */
    private static byte[] classReturning(int loadOpcode, Object... frameLocals) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Probe", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "value", "(I)I", null, null);
        method.visitCode();
        Label join = new Label();
        method.visitVarInsn(Opcodes.ILOAD, 0);
        method.visitJumpInsn(Opcodes.IFEQ, join);
        method.visitLabel(join);
        Object[] locals = new Object[frameLocals.length + 1];
        locals[0] = Opcodes.INTEGER;
        System.arraycopy(frameLocals, 0, locals, 1, frameLocals.length);
        method.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
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

    @Test
    void aFrameNamingMoreLocalSlotsThanMaxLocalsIsRejected() {
        // the JVM rejects such a class when it loads it ("StackMapTable format error: bad type array
        // size"), which no data-flow check sees
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ClassVerifier.verify(classReturning(Opcodes.ILOAD, Opcodes.TOP)));
        assertEquals("instrumenter wrote an invalid class Probe: method value(I)I: a stack map frame names 2 local"
                + " and 0 stack slots, more than max_locals 1 or max_stack 1", error.getMessage());
    }
}
