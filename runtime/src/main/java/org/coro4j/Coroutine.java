package org.coro4j;

/**
 * What calling a coroutine method returns [Python: a coroutine object]. Creating it runs nothing:
 * its body starts when it is awaited (inside the awaiting task) or wrapped in a task by
 * {@link Asyncio#createTask}, {@link Asyncio#gather} or {@link Asyncio#run}. A coroutine can be
 * started only once. Coroutine bodies end with {@code return Coroutine.of(value)} or
 * {@code return Coroutine.done()}.
 *
 * <p>Only coro4j and the classes its instrumenter generates extend this class.
 *
 * @param <T> the result type
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {

    Coroutine() {
    }

    /** A coroutine whose result is {@code value} [Python: {@code return value}]. */
    public static <T> Coroutine<T> of(T value) {
        return new CompletedCoroutine<>(value);
    }

    /** A coroutine whose result is {@code null} [Python: falling off the end of the body]. */
    public static Coroutine<Void> done() {
        return new CompletedCoroutine<>(null);
    }
}
