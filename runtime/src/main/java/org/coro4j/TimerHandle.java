package org.coro4j;

/**
 * A callback scheduled for a point in loop time by {@link EventLoop#callLater} or
 * {@link EventLoop#callAt} [Python: {@code asyncio.TimerHandle}]. Timers due at the same instant
 * run in the order they were scheduled.
 */
public final class TimerHandle extends Handle implements Comparable<TimerHandle> {
    private final EventLoop loop;
    private final double when;
    private final long sequence;
    /** True while the timer is in the loop's heap. */
    boolean scheduled = true;

    TimerHandle(EventLoop loop, double when, long sequence, Runnable callback) {
        super(callback);
        this.loop = loop;
        this.when = when;
        this.sequence = sequence;
    }

    /** The loop time at which the callback is due, in seconds. */
    public double when() {
        return when;
    }

    @Override
    public void cancel() {
        if (!isCancelled()) {
            super.cancel();
            if (scheduled) {
                loop.timerCancelled();
            }
        }
    }

    @Override
    public int compareTo(TimerHandle other) {
        int byTime = Double.compare(when, other.when);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return "TimerHandle<when=" + when + (isCancelled() ? " cancelled" : "") + ">";
    }
}
