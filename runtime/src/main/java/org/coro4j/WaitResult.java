package org.coro4j;

import java.util.Set;

/**
 * What {@link Asyncio#wait} produces [Python: the {@code (done, pending)} pair of {@code asyncio.wait}].
 * Both sets keep the order of the futures given to {@code wait}.
 *
 * @param done the futures done when {@code wait} returned
 * @param pending the futures still pending
 * @param <T> the futures' result type
 */
public record WaitResult<T>(Set<Future<T>> done, Set<Future<T>> pending) {
}
