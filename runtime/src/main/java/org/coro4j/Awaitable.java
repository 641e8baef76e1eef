package org.coro4j;

/**
 * What a task can await and what the combinators accept: a {@link Future} (so a {@link Task}) or a
 * {@link Coroutine} [Python: an awaitable]. It exists so that a list of futures, tasks and
 * coroutines of one result type has a type, {@code List<Awaitable<T>>}, that the typed
 * {@link Asyncio#gather} form turns into a {@code Future<List<T>>}. {@code Await.on} takes the two
 * kinds (and {@code CompletionStage}) separately.
 *
 * @param <T> the result type
 */
public sealed interface Awaitable<T> permits Future, Coroutine {
}
