package org.coro4j.instrumenter;

/** Internal names and descriptors of the runtime types the instrumenter reads and calls. */
final class RuntimeNames {
    static final String ASYNC_DESC = "Lorg/coro4j/Async;";
    static final String AWAIT = "org/coro4j/Await";
    static final String AWAIT_METHOD = "on";
    static final String COROUTINE = "org/coro4j/Coroutine";
    static final String COROUTINE_DESC = "L" + COROUTINE + ";";
    static final String FUTURE = "org/coro4j/Future";
    static final String COMPLETION_STAGE = "java/util/concurrent/CompletionStage";
    static final String CONTINUATION = "org/coro4j/Continuation";
    static final String SUSPENDED = "SUSPENDED";
    static final String LABEL = "label";
    static final String INVOKE_BODY = "invokeBody";
    static final String RESUME_RESULT = "resumeResult";
    static final String STACK_TRACE_ELEMENT = "stackTraceElement";
    static final String AWAIT_COROUTINE = "awaitCoroutine";
    /** A direct body's await of a coroutine, at its own depth. */
    static final String AWAIT_COROUTINE_AT = "awaitCoroutineAt";
    static final String AWAIT_COROUTINE_AT_DESC = "(" + COROUTINE_DESC + "L" + CONTINUATION + ";II)Ljava/lang/Object;";
    /** A direct body's depth, or -1 if it must be awaited as a coroutine. */
    static final String DIRECT_DEPTH = "directDepth";
    /** Awaits the coroutine a direct body sent back, for the body's caller. */
    static final String AWAIT_AS_COROUTINE = "awaitAsCoroutine";
    static final String AWAIT_AS_COROUTINE_DESC = "(" + COROUTINE_DESC + "L" + CONTINUATION + ";I)Ljava/lang/Object;";
    /** Links the frames of direct calls as they suspend. */
    static final String UNWOUND = "unwound";
    /**
     * Invisible annotation put on every class this instrumenter rewrote, so a second run (the agent
     * on classes the plugin wrote) skips it. It is named in the runtime's package, which is never
     * relocated, and not in the instrumenter's: the agent relocates its copy of the instrumenter,
     * and with it every string constant naming the instrumenter's package, so a marker named there
     * would differ between the plugin and the agent. No class of this name exists; an invisible
     * annotation needs none.
     */
    static final String INSTRUMENTED_DESC = "Lorg/coro4j/Instrumented;";

    private RuntimeNames() {
    }

    /**
     * The descriptor of the static {@code Continuation} method that implements the {@code Await.on}
     * overload {@code descriptor}: the awaitable, then the awaiting continuation and the label of the site.
     */
    static String awaitMethodDescriptor(String descriptor) {
        return descriptor.replace(")", "L" + CONTINUATION + ";I)");
    }

    /** The {@code Continuation} method that implements the {@code Await.on} overload {@code descriptor}, or null. */
    static String awaitMethodFor(String descriptor) {
        return switch (descriptor) {
            case "(Lorg/coro4j/Coroutine;)Ljava/lang/Object;" -> AWAIT_COROUTINE;
            case "(Lorg/coro4j/Future;)Ljava/lang/Object;" -> "awaitFuture";
            case "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;" -> "awaitStage";
            default -> null;
        };
    }
}
