package org.coro4j;

/**
 * A callback scheduled on an event loop by {@link EventLoop#callSoon} or
 * {@link EventLoop#callSoonThreadsafe} [Python: {@code asyncio.Handle}].
 */
public class Handle {
    private final Runnable callback;
    private volatile boolean cancelled;

    Handle(Runnable callback) {
        this.callback = callback;
    }

    /** Prevents the callback from running; does nothing if it already ran. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the callback; the loop calls it only if the handle is not cancelled. */
    void run() {
        callback.run();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + callback + (cancelled ? " cancelled" : "") + ">";
    }
}
