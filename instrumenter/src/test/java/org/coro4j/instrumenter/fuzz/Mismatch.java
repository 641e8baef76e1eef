package org.coro4j.instrumenter.fuzz;

/**
 * A program whose coroutine did not behave like its plain twin, or that could not be instrumented
 * or loaded. {@code source} is a compilation unit holding only that program.
 */
record Mismatch(long seed, String problem, String source) {
    @Override
    public String toString() {
        return "program seed " + seed + ": " + problem;
    }
}
