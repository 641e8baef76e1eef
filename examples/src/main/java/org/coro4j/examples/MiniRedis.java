package org.coro4j.examples;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Future;
import org.coro4j.Server;
import org.coro4j.StreamOptions;

/**
 * A small Redis server on one event loop thread: RESP2 (pipelined or not, commands split across
 * reads or not) for PING, SET, GET, DEL, INCR, EXISTS and CONFIG GET, one task per connection,
 * every connection sharing one {@link Keyspace}. Redis clients (Jedis, redis-cli,
 * redis-benchmark) talk to it as to Redis.
 *
 * <pre>java -cp examples/target/classes:runtime/target/classes org.coro4j.examples.MiniRedis 6379</pre>
 */
public final class MiniRedis {
    /** Redis's default tcp-backlog: many clients may connect at once. */
    private static final int BACKLOG = 511;

    private final RedisCommands commands = new RedisCommands(new Keyspace());

    /** Serves on 127.0.0.1 at the port given as the only argument, until the process is stopped. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp CLASSPATH org.coro4j.examples.MiniRedis PORT");
            System.exit(2);
        }
        Asyncio.run(new MiniRedis().serve("127.0.0.1", Integer.parseInt(args[0])));
    }

    /** Starts serving at {@code host:port} (port 0: any free port; {@link Server#port()} tells which). */
    public Future<Server> start(String host, int port) {
        return Asyncio.startServer((reader, writer) -> new RedisConnection(reader, writer, commands).serve(),
                host, port, StreamOptions.defaults().backlog(BACKLOG));
    }

    /** Serves at {@code host:port} until cancelled. */
    @Async
    public Coroutine<Void> serve(String host, int port) {
        Server server = Await.on(start(host, port));
        System.out.println("MiniRedis ready to accept connections on " + server.sockets().get(0));
        Await.on(server.serveForever());
        return Coroutine.done();
    }
}
