package org.coro4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs several coroutines, one after the other, on the same event loop [Python 3.11:
 * {@code asyncio.Runner}]. {@link #run} wraps a coroutine in the main task and runs the loop until
 * it is done; {@link #close()} cancels the tasks still pending, waits for them and closes the loop,
 * as {@link Asyncio#run} does after its one coroutine.
 *
 * <pre>{@code
 * try (Runner runner = new Runner()) {
 *     runner.run(connect());
 *     runner.run(serve());
 * }
 * }</pre>
 */
public final class Runner implements AutoCloseable {
    private enum State { CREATED, INITIALIZED, CLOSED }

    private EventLoop loop;
    private State state;

    /** A runner whose wall-clock loop is created when it is first needed. */
    public Runner() {
        state = State.CREATED;
    }

    /** A runner on {@code loop}, which {@link #close()} closes. */
    public Runner(EventLoop loop) {
        this.loop = Arguments.notNull(loop, "Runner: the loop");
        state = State.INITIALIZED;
    }

    /**
     * Runs {@code coroutine} as the main task until it is done and returns its result or rethrows
     * its exception [Python: {@code Runner.run}]. Tasks it leaves pending stay on the loop for the
     * next {@code run} or until {@link #close()}.
     */
    public <T> T run(Coroutine<T> coroutine) {
        Arguments.notNull(coroutine, "Runner.run: the coroutine");
        if (EventLoop.running() != null) {
            throw new AsyncUsageException("Runner.run() cannot be called from a running event loop");
        }
        EventLoop runnerLoop = getLoop();
        return runnerLoop.runUntilComplete(runnerLoop.createTask(coroutine));
    }

    /** The runner's loop, created now if it was not yet [Python: {@code Runner.get_loop}]. */
    public EventLoop getLoop() {
        if (state == State.CLOSED) {
            throw new AsyncUsageException("Runner is closed");
        }
        if (state == State.CREATED) {
            loop = EventLoop.create();
            state = State.INITIALIZED;
        }
        return loop;
    }

    /**
     * Cancels the tasks still pending, runs the loop until they are done (reporting those that
     * fail) and closes the loop [Python: {@code Runner.close}]. Does nothing if the runner never
     * made its loop or is closed already.
     */
    @Override
    public void close() {
        if (state != State.INITIALIZED) {
            return;
        }
        try {
            cancelRemainingTasks(loop);
        } finally {
            loop.close();
            state = State.CLOSED;
        }
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
