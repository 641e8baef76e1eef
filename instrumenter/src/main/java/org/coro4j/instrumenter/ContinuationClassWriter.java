package org.coro4j.instrumenter;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the continuation class of one coroutine method: a final subclass of
 * {@code org.coro4j.Continuation} with the fields of its {@link ContinuationLayout}, whose {@code invokeBody()} calls
 * the body method in the owner class and whose {@code stackTraceElement()} names the coroutine
 * method and the source line of the current suspension point.
 */
final class ContinuationClassWriter {
    private final int classVersion;
    private final String owner;
    private final boolean ownerIsInterface;
    private final String sourceFile;

    ContinuationClassWriter(int classVersion, String owner, boolean ownerIsInterface, String sourceFile) {
        this.classVersion = classVersion;
        this.owner = owner;
        this.ownerIsInterface = ownerIsInterface;
        this.sourceFile = sourceFile;
    }

    /**
     * @param continuationClass internal name of the class to write
     * @param method the coroutine method's name
     * @param bodyDescriptor the body method's descriptor
     * @param isStatic whether the coroutine method is static
     * @param layout the fields to declare
     * @param lines source line of each label, label 0 being the method's first line
     * @param direct the direct body the coroutine has, or null: the class then gets its {@link DirectCallee#ENTER}
     *     and {@link DirectCallee#OF_DIRECT}
     */
    byte[] write(String continuationClass, String method, String bodyDescriptor, boolean isStatic, ContinuationLayout layout, int[] lines,
            DirectCallee direct) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(classVersion, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, continuationClass,
                null, RuntimeNames.CONTINUATION, null);
        if (sourceFile != null) {
            writer.visitSource(sourceFile, null);
        }
        if (!isStatic) {
            field(writer, ContinuationLayout.SELF, Type.getObjectType(owner).getDescriptor());
        }
        for (ContinuationField field : layout.fields()) {
            field(writer, field.name(), field.descriptor());
        }
        constructor(writer);
        invokeBody(writer, continuationClass, method, bodyDescriptor, isStatic);
        stackTraceElement(writer, method, lines);
        if (direct != null) {
            enter(writer, direct);
            ofDirect(writer, direct);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void field(ClassWriter writer, String name, String descriptor) {
        FieldVisitor field = writer.visitField(Opcodes.ACC_SYNTHETIC, name, descriptor, null, null);
        field.visitEnd();
    }

    private static void constructor(ClassWriter writer) {
        MethodVisitor init = writer.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, RuntimeNames.CONTINUATION, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }

    private void invokeBody(ClassWriter writer, String continuationClass, String method, String bodyDescriptor, boolean isStatic) {
        MethodVisitor invoke = writer.visitMethod(Opcodes.ACC_PROTECTED | Opcodes.ACC_FINAL, RuntimeNames.INVOKE_BODY,
                "()Ljava/lang/Object;", null, null);
        invoke.visitCode();
        if (isStatic) {
            invoke.visitVarInsn(Opcodes.ALOAD, 0);
            invoke.visitMethodInsn(Opcodes.INVOKESTATIC, owner, method, bodyDescriptor, ownerIsInterface);
        } else {
            invoke.visitVarInsn(Opcodes.ALOAD, 0);
            invoke.visitFieldInsn(Opcodes.GETFIELD, continuationClass, ContinuationLayout.SELF, Type.getObjectType(owner).getDescriptor());
            invoke.visitVarInsn(Opcodes.ALOAD, 0);
            invoke.visitMethodInsn(ownerIsInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, owner, method,
                    bodyDescriptor, ownerIsInterface);
        }
        invoke.visitInsn(Opcodes.ARETURN);
        invoke.visitMaxs(0, 0);
        invoke.visitEnd();
    }

    private void stackTraceElement(ClassWriter writer, String method, int[] lines) {
        MethodVisitor element = writer.visitMethod(Opcodes.ACC_PROTECTED, RuntimeNames.STACK_TRACE_ELEMENT,
                "()Ljava/lang/StackTraceElement;", null, null);
        element.visitCode();
        element.visitTypeInsn(Opcodes.NEW, "java/lang/StackTraceElement");
        element.visitInsn(Opcodes.DUP);
        element.visitLdcInsn(owner.replace('/', '.'));
        element.visitLdcInsn(method);
        if (sourceFile != null) {
            element.visitLdcInsn(sourceFile);
        } else {
            element.visitInsn(Opcodes.ACONST_NULL);
        }
        element.visitLdcInsn(joined(lines));
        element.visitVarInsn(Opcodes.ALOAD, 0);
        element.visitFieldInsn(Opcodes.GETFIELD, RuntimeNames.CONTINUATION, RuntimeNames.LABEL, "I");
        element.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, "lineAt", "(Ljava/lang/String;I)I", false);
        element.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StackTraceElement", "<init>",
                "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;I)V", false);
        element.visitInsn(Opcodes.ARETURN);
        element.visitMaxs(0, 0);
        element.visitEnd();
    }

    /**
     * {@link DirectCallee#ENTER}: a resumable body's await of a direct call. Calls the direct body
     * at the depth of the awaiting frame, and has the runtime suspend that frame if it suspended.
     */
    private static void enter(ClassWriter writer, DirectCallee direct) {
        MethodVisitor enter = writer.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, DirectCallee.ENTER,
                direct.enterDescriptor(), null, null);
        enter.visitCode();
        int slot = 0;
        if (!direct.isStatic()) {
            enter.visitVarInsn(Opcodes.ALOAD, slot++);
        }
        for (Type argument : direct.arguments()) {
            enter.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        enter.visitVarInsn(Opcodes.ALOAD, slot);
        enter.visitVarInsn(Opcodes.ALOAD, slot);
        enter.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, "depthOf", "(L" + RuntimeNames.CONTINUATION + ";)I", false);
        direct.callOfDirectBody().accept(enter);
        enter.visitVarInsn(Opcodes.ALOAD, slot);
        enter.visitVarInsn(Opcodes.ILOAD, slot + 1);
        enter.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, "enteredDirect",
                "(Ljava/lang/Object;L" + RuntimeNames.CONTINUATION + ";I)Ljava/lang/Object;", false);
        enter.visitInsn(Opcodes.ARETURN);
        enter.visitMaxs(0, 0);
        enter.visitEnd();
    }

    /**
     * {@link DirectCallee#OF_DIRECT}: the continuation given, or a new one adopted by the anchor
     * frame's task (keeping the receiver, for an instance method).
     */
    private static void ofDirect(ClassWriter writer, DirectCallee direct) {
        MethodVisitor of = writer.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, DirectCallee.OF_DIRECT,
                direct.ofDirectDescriptor(), null, null);
        of.visitCode();
        Label known = new Label();
        of.visitVarInsn(Opcodes.ALOAD, 0);
        of.visitJumpInsn(Opcodes.IFNONNULL, known);
        of.visitTypeInsn(Opcodes.NEW, direct.continuationClass());
        of.visitInsn(Opcodes.DUP);
        of.visitMethodInsn(Opcodes.INVOKESPECIAL, direct.continuationClass(), "<init>", "()V", false);
        of.visitVarInsn(Opcodes.ASTORE, 0);
        if (!direct.isStatic()) {
            of.visitVarInsn(Opcodes.ALOAD, 0);
            of.visitVarInsn(Opcodes.ALOAD, 2);
            of.visitFieldInsn(Opcodes.PUTFIELD, direct.continuationClass(), ContinuationLayout.SELF, "L" + direct.owner() + ";");
        }
        of.visitVarInsn(Opcodes.ALOAD, 0);
        of.visitVarInsn(Opcodes.ALOAD, 1);
        of.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, "adopt",
                "(L" + RuntimeNames.CONTINUATION + ";L" + RuntimeNames.CONTINUATION + ";)V", false);
        of.visitLabel(known);
        Object[] locals = direct.isStatic() ? new Object[] {direct.continuationClass(), RuntimeNames.CONTINUATION}
                : new Object[] {direct.continuationClass(), RuntimeNames.CONTINUATION, direct.owner()};
        of.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
        of.visitVarInsn(Opcodes.ALOAD, 0);
        of.visitInsn(Opcodes.ARETURN);
        of.visitMaxs(0, 0);
        of.visitEnd();
    }

    private static String joined(int[] lines) {
        StringBuilder text = new StringBuilder();
        for (int line : lines) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(line);
        }
        return text.toString();
    }
}
