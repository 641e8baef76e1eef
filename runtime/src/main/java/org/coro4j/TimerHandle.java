package org.coro4j;

/**
 * A callback scheduled for a point in loop time [Python: {@code asyncio.TimerHandle}]. Timers due at
 * the same instant run in the order they were scheduled.
 */
public final class TimerHandle extends Handle implements Comparable<TimerHandle> {
    private final double when;
    private final long sequence;

    TimerHandle(double when, long sequence, Runnable callback) {
        super(callback);
        this.when = when;
        this.sequence = sequence;
    }

    /** The loop time at which the callback is due, in seconds. */
    public double when() {
        return when;
    }

    @Override
    public int compareTo(TimerHandle other) {
        int byTime = Double.compare(when, other.when);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
