package org.coro4j.instrumenter.fuzz;

/**
 * A program whose coroutine did not behave like its plain twin, or that could not be instrumented
 * or loaded, as compiled by {@code compiler}. {@code source} is a compilation unit holding only that
 * program. {@code compilerBug} tells that the compiler's own output, before instrumentation, failed
 * the JVM verifier: a bug of the compiler, not of coro4j.
 */
record Mismatch(long seed, String compiler, String problem, String source, boolean compilerBug) {
    @Override
    public String toString() {
        return "program seed " + seed + ": " + compiler + ": " + problem;
    }
}
