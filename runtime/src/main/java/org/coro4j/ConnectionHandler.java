package org.coro4j;

/**
 * What a server runs for each connection it accepts, in a task of its own [Python: the
 * {@code client_connected_cb} of {@code asyncio.start_server}]. A lambda of this type that calls
 * {@link Await#on} is a coroutine, as for {@link AsyncFunction}.
 */
@FunctionalInterface
public interface ConnectionHandler {
    /** The coroutine serving one connection. */
    Coroutine<Void> handle(StreamReader reader, StreamWriter writer);
}
