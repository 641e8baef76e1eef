package org.coro4j.instrumenter.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.coro4j.CancelledException;

/**
 * What a generated program did: the events it appended and the time it spent waiting. The
 * coroutine variant's time is the virtual clock of its loop; the plain twin accumulates the delays
 * it would have awaited through {@link #after} and {@link #fail}, so both must agree exactly.
 * Generated code calls these methods; the twin uses {@link #now} and {@link #after} wherever the
 * coroutine awaits.
 */
public final class Trace {
    private final List<String> events = new ArrayList<>();
    private double clock;

    /** Appends one event. */
    public void add(String event) {
        events.add(event);
    }

    /** The twin of awaiting something already done: returns {@code value}. */
    public <T> T now(T value) {
        return value;
    }

    /** The twin of awaiting something that completes with {@code value} after {@code seconds}. */
    public <T> T after(double seconds, T value) {
        clock += seconds;
        return value;
    }

    /** The twin of awaiting something that fails with {@code error} after {@code seconds}. */
    public <T> T fail(double seconds, Throwable error) {
        clock += seconds;
        throw Awaitables.<RuntimeException>sneaky(error);
    }

    /** The twin of awaiting where the task is cancelled with {@code message}. */
    public <T> T cancel(String message) {
        throw new CancelledException(message);
    }

    /** Records the loop's final time for a coroutine run. */
    public void setClock(double seconds) {
        clock = seconds;
    }

    /** The time spent waiting, in seconds. */
    public double clock() {
        return clock;
    }

    /** The events in the order they happened. */
    public List<String> events() {
        return events;
    }
}
