package org.coro4j;

/**
 * A coroutine function with no argument, usable as a lambda whose body calls {@link Await#on}
 * [Python: an {@code async def} taking no argument].
 *
 * @param <T> the coroutine's result type
 */
@FunctionalInterface
public interface AsyncSupplier<T> {
    /** Creates the coroutine; nothing in its body runs until it is awaited or wrapped in a task. */
    Coroutine<T> get();
}
