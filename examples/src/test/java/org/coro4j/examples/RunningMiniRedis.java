package org.coro4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Server;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * A {@link MiniRedis} serving on 127.0.0.1 (a free port) from an event loop on a thread of its
 * own, for tests that talk to it from other threads; {@link #close()} closes the server and its
 * connections, and waits (bounded) for the loop thread to end.
 */
final class RunningMiniRedis implements AutoCloseable {
    /** Generous: the machine running the tests may be busy. */
    static final int TIMEOUT_MILLIS = 60_000;

    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Thread thread;

    RunningMiniRedis() throws Exception {
        thread = new Thread(() -> {
            try {
                Asyncio.run(serveUntilStopped());
                ended.complete(null);
            } catch (Throwable e) {
                port.completeExceptionally(e);
                ended.completeExceptionally(e);
            }
        }, "mini-redis loop");
        thread.start();
        port.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Async
    private Coroutine<Void> serveUntilStopped() {
        Server server = Await.on(new MiniRedis().start("127.0.0.1", 0));
        port.complete(server.port());
        Await.on(stop);
        server.close();
        server.closeClients();
        Await.on(server.waitClosed());
        return Coroutine.done();
    }

    int port() {
        return port.join();
    }

    /** A new Jedis client of this server, with generous timeouts. */
    Jedis client() {
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS).socketTimeoutMillis(TIMEOUT_MILLIS).build();
        return new Jedis(new HostAndPort("127.0.0.1", port()), config);
    }

    @Override
    public void close() throws Exception {
        stop.complete(null);
        thread.join(TIMEOUT_MILLIS);
        assertFalse(thread.isAlive(), "the loop thread is still running");
        ended.get(); // rethrows what the loop threw
    }
}
