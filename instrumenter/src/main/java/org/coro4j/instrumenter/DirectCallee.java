package org.coro4j.instrumenter;

import org.objectweb.asm.Type;

/**
 * A static coroutine method that its class's coroutines call directly. Besides its stub and body it
 * has a direct body: a method of the same name in the same class, taking the arguments, then the
 * frame its caller runs under (for the task) and the caller's depth on the Java stack, that runs
 * without a continuation until it first suspends. Its continuation class gets {@link #ENTER}, with
 * the same descriptor, which a resumable body calls in place of the await, and {@link #OF_DIRECT},
 * which allocates the continuation where the direct body first needs it.
 *
 * @param owner internal name of the class the coroutine is declared in
 * @param ownerIsInterface whether that is an interface
 * @param name the coroutine method's name
 * @param descriptor the coroutine method's descriptor
 * @param continuationClass internal name of its continuation class
 */
record DirectCallee(String owner, boolean ownerIsInterface, String name, String descriptor, String continuationClass) {
    /** The static method of the continuation class that a resumable body calls to await a direct call. */
    static final String ENTER = "enter";
    /** The static method of the continuation class that returns a direct body's continuation, allocated if it has none yet. */
    static final String OF_DIRECT = "ofDirect";

    /** The descriptor of the direct body and of {@link #ENTER}: the arguments, a frame, an int; returns the result or {@code SUSPENDED}. */
    String directDescriptor() {
        return descriptor.substring(0, descriptor.indexOf(')')) + "L" + RuntimeNames.CONTINUATION + ";I)Ljava/lang/Object;";
    }

    /** The descriptor of {@link #OF_DIRECT}. */
    String ofDirectDescriptor() {
        String continuation = "L" + continuationClass + ";";
        return "(" + continuation + "L" + RuntimeNames.CONTINUATION + ";)" + continuation;
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
