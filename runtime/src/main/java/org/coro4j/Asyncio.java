package org.coro4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The module-level functions of asyncio [Python: {@code asyncio.run}, {@code create_task},
 * {@code sleep}, {@code gather}, ...]. Except {@link #run}, each must be called on a thread whose
 * event loop is running, normally from inside a coroutine.
 */
public final class Asyncio {
    private Asyncio() {
    }

    /**
     * Runs {@code coroutine} as the main task of a new wall-clock loop on the calling thread, then
     * cancels what is left, closes the loop and returns the result or rethrows the exception
     * [Python: {@code asyncio.run}].
     */
    public static <T> T run(Coroutine<T> coroutine) {
        return run(EventLoop.create(), coroutine);
    }

    /** Like {@link #run(Coroutine)} on the given loop, which is closed afterwards. */
    public static <T> T run(EventLoop loop, Coroutine<T> coroutine) {
        if (EventLoop.running() != null) {
            throw new AsyncUsageException("Asyncio.run() cannot be called from a running event loop");
        }
        try {
            return loop.runUntilComplete(loop.createTask(coroutine));
        } finally {
            try {
                cancelRemainingTasks(loop);
            } finally {
                loop.close();
            }
        }
    }

    /** Wraps {@code coroutine} in a task on the running loop [Python: {@code asyncio.create_task}]. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return EventLoop.current().createTask(coroutine);
    }

    /** Wraps {@code coroutine} in a task named {@code name} [Python: {@code create_task(coro, name=)}]. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return EventLoop.current().createTask(coroutine, name);
    }

    /** A future done after {@code seconds}; {@code sleep(0)} yields once [Python: {@code asyncio.sleep}]. */
    public static Future<Void> sleep(double seconds) {
        return sleep(seconds, null);
    }

    /** A future done after {@code duration}. */
    public static Future<Void> sleep(Duration duration) {
        return sleep(duration.toNanos() / 1e9, null);
    }

    /** A future whose result is {@code result} after {@code seconds}. */
    public static <T> Future<T> sleep(double seconds, T result) {
        EventLoop loop = EventLoop.current();
        if (seconds <= 0) {
            return new YieldFuture<>(loop, result);
        }
        Future<T> future = new Future<>(loop);
        loop.callLater(seconds, () -> {
            if (!future.isDone()) {
                future.complete(result);
            }
        });
        return future;
    }

    /**
     * A future of the results of all {@code awaitables} in argument order; each is a
     * {@link Coroutine} (wrapped in a task) or a {@link Future} [Python: {@code asyncio.gather}].
     */
    public static Future<List<Object>> gather(Object... awaitables) {
        return gather(false, Arrays.asList(awaitables));
    }

    /** Like {@link #gather(Object...)} for a list. */
    public static Future<List<Object>> gather(List<?> awaitables) {
        return gather(false, awaitables);
    }

    /**
     * Like {@link #gather(Object...)}; with {@code returnExceptions} failures and cancellations are
     * results instead of failing the gathered future.
     */
    public static Future<List<Object>> gather(boolean returnExceptions, List<?> awaitables) {
        return Gathering.start(EventLoop.current(), returnExceptions, awaitables);
    }

    /** The running task, or null [Python: {@code asyncio.current_task}]. */
    public static Task<?> currentTask() {
        EventLoop loop = EventLoop.running();
        return loop == null ? null : loop.currentTask();
    }

    /** The running loop's unfinished tasks [Python: {@code asyncio.all_tasks}]. */
    public static Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(EventLoop.current().pendingTasks()));
    }

    private static void cancelRemainingTasks(EventLoop loop) {
        if (loop.isClosed()) {
            return;
        }
        List<Task<?>> remaining = new ArrayList<>(loop.pendingTasks());
        if (remaining.isEmpty()) {
            return;
        }
        for (Task<?> task : remaining) {
            task.cancel();
        }
        loop.runUntilComplete(Gathering.start(loop, true, remaining));
        for (Task<?> task : remaining) {
            if (!task.isCancelled() && task.exception() != null) {
                loop.callExceptionHandler(new ExceptionContext(
                        "unhandled exception during Asyncio.run() shutdown", task.exception(), task));
            }
        }
    }
}
