package org.coro4j;

/**
 * A coroutine function of one argument, usable as a lambda whose body calls {@link Await#on}
 * [Python: an {@code async def} taking one argument].
 *
 * @param <A> the argument type
 * @param <T> the coroutine's result type
 */
@FunctionalInterface
public interface AsyncFunction<A, T> {
    /** Creates the coroutine; nothing in its body runs until it is awaited or wrapped in a task. */
    Coroutine<T> apply(A argument);
}
