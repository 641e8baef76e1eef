package org.coro4j;

import java.util.concurrent.CompletionStage;

/**
 * The {@code await} expression [Python: {@code await x}]. Inside a coroutine the instrumenter
 * replaces each call with a suspension point; the methods here only run when the calling method
 * was not instrumented, and then they explain how to enable instrumentation.
 */
public final class Await {
    /** How to get coroutine methods instrumented; part of every message about missing instrumentation. */
    static final String HOW_TO_INSTRUMENT = "Mark the calling method @Async (its return type must be Coroutine<T>),"
            + " and instrument the classes at build time: add org.coro4j:coro4j-maven-plugin with the goals"
            + " 'instrument' and 'instrument-tests' to the build, or run the JVM with -javaagent:coro4j-agent.jar.";
    static final String NOT_INSTRUMENTED = "Await.on was called outside an instrumented coroutine. " + HOW_TO_INSTRUMENT;

    private Await() {
    }

    /** Runs {@code coroutine} inside the current task and returns its result. */
    public static <T> T on(Coroutine<T> coroutine) {
        throw new AsyncUsageException(NOT_INSTRUMENTED);
    }

    /** Suspends the current task until {@code future} is done and returns its result. */
    public static <T> T on(Future<T> future) {
        throw new AsyncUsageException(NOT_INSTRUMENTED);
    }

    /** Suspends the current task until {@code stage}, completed on any thread, is done. */
    public static <T> T on(CompletionStage<T> stage) {
        throw new AsyncUsageException(NOT_INSTRUMENTED);
    }
}
