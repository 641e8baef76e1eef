package org.coro4j;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streams used from instrumented code: a {@link ConnectionHandler} written as a lambda that calls
 * {@link Await#on} is a coroutine (its synthetic method returns {@code Coroutine}), and
 * {@code @Async} clients await reads, drains and JDK exceptions like any other awaitable.
 */
class StreamsLambdaTest {

    @Async
    static Coroutine<List<String>> echoTwice() {
        ConnectionHandler echo = (reader, writer) -> {
            while (true) {
                byte[] line = Await.on(reader.readLine());
                if (line.length == 0) {
                    break;
                }
                writer.write(("echo: " + new String(line, UTF_8)).getBytes(UTF_8));
                Await.on(writer.drain());
            }
            writer.close();
            Await.on(writer.waitClosed());
            return Coroutine.done();
        };
        Server server = Await.on(Asyncio.startServer(echo, "127.0.0.1", 0));
        Connection connection = Await.on(Asyncio.openConnection("127.0.0.1", server.port()));
        List<String> replies = new ArrayList<>();
        for (String text : List.of("one\n", "two\n")) {
            connection.writer().write(text.getBytes(UTF_8));
            replies.add(new String(Await.on(connection.reader().readLine()), UTF_8));
        }
        connection.writer().close();
        Await.on(connection.writer().waitClosed());
        server.close();
        Await.on(server.waitClosed());
        return Coroutine.of(replies);
    }

    @Async
    static Coroutine<String> refused(int port) {
        try {
            Await.on(Asyncio.openConnection("127.0.0.1", port));
            return Coroutine.of("connected");
        } catch (Exception e) {
            return Coroutine.of(e instanceof ConnectException ? "ConnectException" : e.toString());
        }
    }

    @Test
    void aLambdaHandlerThatAwaitsIsACoroutine() {
        assertEquals(List.of("echo: one\n", "echo: two\n"), Asyncio.run(echoTwice()));
    }

    @Test
    void aRefusedConnectionIsCaughtAsTheJdksException() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertEquals("ConnectException", Asyncio.run(refused(port)));
    }

    @Test
    void closingTheLoopClosesTheServerItOwns() {
        Server server = Asyncio.run(serverOnly());
        assertThrows(ConnectException.class, () -> new java.net.Socket("127.0.0.1", server.port()).close());
    }

    @Async
    static Coroutine<Server> serverOnly() {
        return Coroutine.of(Await.on(Asyncio.startServer((r, w) -> Coroutine.done(), "127.0.0.1", 0)));
    }
}
