package org.coro4j.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * A coroutine method that its class's coroutines call directly: a static one, or one that cannot
 * be overridden (private or final, or of a final class). Besides its stub and body it has a direct
 * body: a method of the same name in the same class, taking the arguments, then the frame its
 * caller runs under (for the task) and the caller's depth on the Java stack, that runs without a
 * continuation until it first suspends. Its continuation class gets {@link #ENTER}, a static method
 * taking the receiver if any and the direct body's parameters, which a resumable body calls in
 * place of the await, and {@link #OF_DIRECT}, which allocates the continuation where the direct
 * body first needs it.
 *
 * @param owner internal name of the class the coroutine is declared in
 * @param ownerIsInterface whether that is an interface
 * @param name the coroutine method's name
 * @param descriptor the coroutine method's descriptor
 * @param access the coroutine method's access flags
 * @param continuationClass internal name of its continuation class
 */
record DirectCallee(String owner, boolean ownerIsInterface, String name, String descriptor, int access, String continuationClass) {
    /** The static method of the continuation class that a resumable body calls to await a direct call. */
    static final String ENTER = "enter";
    /** The static method of the continuation class that returns a direct body's continuation, allocated if it has none yet. */
    static final String OF_DIRECT = "ofDirect";

    boolean isStatic() {
        return ContinuationLayout.isStatic(access);
    }

    /** The slots the receiver takes: 0 for a static coroutine, else 1. */
    int receiverSlots() {
        return isStatic() ? 0 : 1;
    }

    /** The descriptor of the direct body: the arguments, a frame, an int; returns the result or {@code SUSPENDED}. */
    String directDescriptor() {
        return descriptor.substring(0, descriptor.indexOf(')')) + "L" + RuntimeNames.CONTINUATION + ";I)Ljava/lang/Object;";
    }

    /** The descriptor of {@link #ENTER}: the receiver, if any, then the direct body's parameters. */
    String enterDescriptor() {
        return isStatic() ? directDescriptor() : "(L" + owner + ";" + directDescriptor().substring(1);
    }

    /** The descriptor of {@link #OF_DIRECT}: the continuation or null, the anchor frame, and the receiver if any. */
    String ofDirectDescriptor() {
        String continuation = "L" + continuationClass + ";";
        return "(" + continuation + "L" + RuntimeNames.CONTINUATION + ";" + (isStatic() ? "" : "L" + owner + ";") + ")" + continuation;
    }

    /** A call of the direct body, its receiver (if any) and parameters on the stack (a body of a class is final: no dispatch). */
    MethodInsnNode callOfDirectBody() {
        return new MethodInsnNode(isStatic() ? Opcodes.INVOKESTATIC : Opcodes.INVOKEVIRTUAL, owner, name, directDescriptor(), ownerIsInterface);
    }

    /** A call of the coroutine method itself, the stub, as the owner makes it. */
    MethodInsnNode callOfStub() {
        int opcode = isStatic() ? Opcodes.INVOKESTATIC : (access & Opcodes.ACC_PRIVATE) != 0 ? Opcodes.INVOKESPECIAL : Opcodes.INVOKEVIRTUAL;
        return new MethodInsnNode(opcode, owner, name, descriptor, ownerIsInterface);
    }

    /** The callee's argument types. */
    Type[] arguments() {
        return Type.getArgumentTypes(descriptor);
    }

    /** The slots the arguments take. */
    int argumentSlots() {
        return (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - 1;
    }
}
