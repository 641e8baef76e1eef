package org.coro4j.instrumenter.fuzz;

import java.util.Arrays;
import java.util.List;

/**
 * What one run of a program produced: its trace events, its result or the exception it threw
 * (class and message), and the time it spent waiting.
 */
record Outcome(List<String> events, String result, String exception, double clock) {
    /** The outcome of a run that returned {@code value}. */
    static Outcome returned(Trace trace, Object value) {
        String shown = value instanceof int[] array ? Arrays.toString(array) : String.valueOf(value);
        return new Outcome(List.copyOf(trace.events()), shown, null, trace.clock());
    }

    /** The outcome of a run that threw {@code error}. */
    static Outcome threw(Trace trace, Throwable error) {
        return new Outcome(List.copyOf(trace.events()), null, describe(error), trace.clock());
    }

    /** A run that did not finish in time. */
    static Outcome hung(Trace trace) {
        return new Outcome(List.of(), null, "did not finish in time", trace.clock());
    }

    private static String describe(Throwable error) {
        return error.getClass().getName() + ": " + error.getMessage();
    }
}
