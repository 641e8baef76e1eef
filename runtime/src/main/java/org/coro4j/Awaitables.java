package org.coro4j;

/** Turns what the combinators accept (a coroutine or a future) into a future [Python: {@code ensure_future}]. */
final class Awaitables {
    private Awaitables() {
    }

    @SuppressWarnings("unchecked")
    static <T> Future<T> toFuture(EventLoop loop, Object awaitable) {
        if (awaitable instanceof Future<?> future) {
            if (future.loop() != loop) {
                throw new AsyncUsageException("The future belongs to a different loop: " + future);
            }
            return (Future<T>) future;
        }
        if (awaitable instanceof Coroutine<?> coroutine) {
            return (Future<T>) loop.createTask(coroutine);
        }
        throw new IllegalArgumentException("A coroutine or a Future is required, not " + awaitable);
    }
}
