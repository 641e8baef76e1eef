package org.coro4j.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Connection;
import org.coro4j.Coroutine;
import org.coro4j.StreamReader;
import org.coro4j.StreamWriter;

/**
 * asyncio's TCP echo client (the streams documentation's example), in Java: sends a message to
 * the {@link EchoServer}, prints what comes back.
 *
 * <pre>java -cp examples/target/classes:runtime/target/classes org.coro4j.examples.EchoClient [PORT [MESSAGE]]</pre>
 */
public final class EchoClient {
    private final PrintStream out;

    public EchoClient(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8888;
        String message = args.length > 1 ? args[1] : "Hello World!";
        Asyncio.run(new EchoClient(System.out).tcpEchoClient(message, port));
    }

    /** Sends {@code message} to 127.0.0.1:port and returns the reply. */
    @Async
    Coroutine<String> tcpEchoClient(String message, int port) {
        Connection connection = Await.on(Asyncio.openConnection("127.0.0.1", port));
        StreamReader reader = connection.reader();
        StreamWriter writer = connection.writer();

        out.println("Send: " + message);
        writer.write(message.getBytes(StandardCharsets.UTF_8));
        Await.on(writer.drain());

        byte[] data = Await.on(reader.read(100));
        String received = new String(data, StandardCharsets.UTF_8);
        out.println("Received: " + received);

        out.println("Close the connection");
        writer.close();
        Await.on(writer.waitClosed());
        return Coroutine.of(received);
    }
}
