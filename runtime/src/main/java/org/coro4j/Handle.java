package org.coro4j;

/**
 * A callback scheduled on an event loop by {@link EventLoop#callSoon}, {@link EventLoop#callLater}
 * and friends [Python: {@code asyncio.Handle} and {@code asyncio.TimerHandle}].
 */
public class Handle {
    private final Runnable callback;
    private boolean cancelled;

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

    final void run() {
        callback.run();
    }

    @Override
    public String toString() {
        return "Handle<" + callback + (cancelled ? " cancelled" : "") + ">";
    }
}
