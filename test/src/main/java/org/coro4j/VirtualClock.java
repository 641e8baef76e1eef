package org.coro4j;

/**
 * The time of a virtual-clock loop, and the means to drive that loop from plain test code while it
 * is not running [kotlinx-coroutines-test: {@code TestCoroutineScheduler}]. Inside a running
 * coroutine, {@code Await.on(Asyncio.sleep(seconds))} moves time instead: the methods that drive the
 * loop throw {@link AsyncUsageException} while it runs.
 *
 * <pre>{@code
 * EventLoop loop = EventLoop.withVirtualClock();
 * VirtualClock clock = VirtualClock.of(loop);
 * Task<String> t = loop.createTask(messenger());   // sleeps 1 s, then returns
 * clock.advanceBy(0.5);                            // t is asleep
 * clock.advanceBy(0.5);                            // t is done, clock.now() == 1.0
 * }</pre>
 */
public final class VirtualClock {
    private final EventLoop loop;

    private VirtualClock(EventLoop loop) {
        this.loop = loop;
    }

    /** The clock of {@code loop}, which must have been made by {@link EventLoop#withVirtualClock()}. */
    public static VirtualClock of(EventLoop loop) {
        if (!loop.hasVirtualClock()) {
            throw new AsyncUsageException("VirtualClock.of needs a loop made by EventLoop.withVirtualClock(), not a wall-clock loop");
        }
        return new VirtualClock(loop);
    }

    /** The loop's time in seconds [Python: {@code loop.time()}]. */
    public double now() {
        return loop.time();
    }

    /**
     * Runs everything due up to and including {@code now() + seconds}, the time moving to each timer
     * in turn, then sets the time there [kotlinx: {@code advanceTimeBy} followed by {@code runCurrent}].
     */
    public void advanceBy(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            throw new IllegalArgumentException("VirtualClock.advanceBy(" + seconds + "): the time can only move forward");
        }
        checkNotRunning("advanceBy");
        loop.runVirtualUntil(now() + seconds);
    }

    /** Runs what is ready now, and what that makes ready, without moving time [kotlinx: {@code runCurrent}]. */
    public void runCurrent() {
        checkNotRunning("runCurrent");
        loop.runVirtualUntil(now());
    }

    /**
     * Runs until nothing is ready and no timer is left, the time moving through every timer
     * [kotlinx: {@code advanceUntilIdle}]. A timer at infinity is left alone.
     */
    public void runUntilIdle() {
        checkNotRunning("runUntilIdle");
        loop.runVirtualUntil(Double.POSITIVE_INFINITY);
    }

    private void checkNotRunning(String method) {
        if (loop.isRunning()) {
            throw new AsyncUsageException("VirtualClock." + method + " drives a loop that is not running, but this one runs;"
                    + " inside a coroutine use Await.on(Asyncio.sleep(seconds)) to let time pass");
        }
        if (loop.isClosed()) {
            throw new AsyncUsageException("VirtualClock." + method + ": the event loop is closed");
        }
    }
}
