package org.coro4j.instrumenter.fuzz;

import org.coro4j.Asyncio;
import org.coro4j.Event;
import org.coro4j.EventLoop;
import org.coro4j.Future;
import org.coro4j.Task;

/**
 * Things generated coroutines await besides {@code Asyncio.sleep} and helper coroutines: futures
 * already done, futures completed later by a timer, and failed futures. Also the small pure helpers
 * that generated code of both variants calls.
 */
public final class Awaitables {
    private static final int MAX_TEXT = 24;

    private Awaitables() {
    }

    /** A future already completed with {@code value}. */
    public static <T> Future<T> done(T value) {
        Future<T> future = new Future<>();
        future.setResult(value);
        return future;
    }

    /** A pending future that a timer completes with {@code value} after {@code seconds}. */
    public static <T> Future<T> later(double seconds, T value) {
        Future<T> future = new Future<>();
        EventLoop.current().callLater(seconds, () -> future.setResult(value));
        return future;
    }

    /**
     * A future failing with {@code error}: already failed when {@code seconds} is 0, else failed by
     * a timer after {@code seconds}.
     */
    public static <T> Future<T> failing(double seconds, Throwable error) {
        Future<T> future = new Future<>();
        if (seconds == 0) {
            future.setException(error);
        } else {
            EventLoop.current().callLater(seconds, () -> future.setException(error));
        }
        return future;
    }

    /**
     * A future that never completes; once the current task is suspended on it, a callback of the
     * loop cancels the task with {@code message}, so the await throws {@code CancelledException}.
     */
    public static <T> Future<T> cancelling(String message) {
        Future<T> future = new Future<>();
        Task<?> task = Asyncio.currentTask();
        EventLoop.current().callSoon(() -> task.cancel(message));
        return future;
    }

    /** An event set by a timer after {@code seconds}, or already set when it is 0. */
    public static Event setAfter(double seconds) {
        Event event = new Event();
        if (seconds == 0) {
            event.set();
        } else {
            EventLoop.current().callLater(seconds, event::set);
        }
        return event;
    }

    /** An event nobody sets: as {@link #cancelling}, the calling task is cancelled with {@code message} once it waits. */
    public static Event cancellingEvent(String message) {
        Task<?> task = Asyncio.currentTask();
        EventLoop.current().callSoon(() -> task.cancel(message));
        return new Event();
    }

    /**
     * Shows two values, an {@code int[]} by its elements: for a value of an inaccessible type
     * pending on the stack under an await.
     */
    public static String pair(Object first, Object second) {
        return show(first) + "/" + show(second);
    }

    private static String show(Object value) {
        return value instanceof int[] array ? java.util.Arrays.toString(array) : String.valueOf(value);
    }

    /** Keeps generated strings short, so that loops cannot grow them without bound. */
    public static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** Throws any throwable, checked ones included, without declaring it. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneaky(Throwable error) throws E {
        throw (E) error;
    }
}
