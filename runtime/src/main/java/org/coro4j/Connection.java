package org.coro4j;

/** The two ends of a connection that {@link Asyncio#openConnection} opened [Python: the pair {@code open_connection} returns]. */
public record Connection(StreamReader reader, StreamWriter writer) {
}
