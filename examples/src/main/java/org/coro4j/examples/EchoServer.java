package org.coro4j.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Future;
import org.coro4j.Server;
import org.coro4j.StreamReader;
import org.coro4j.StreamWriter;

/**
 * asyncio's TCP echo server (the streams documentation's example), in Java: each connection
 * reads up to 100 bytes, prints them, sends them back and closes.
 *
 * <pre>java -cp examples/target/classes:runtime/target/classes org.coro4j.examples.EchoServer [PORT]</pre>
 */
public final class EchoServer {
    private final PrintStream out;

    public EchoServer(PrintStream out) {
        this.out = out;
    }

    /** Serves on 127.0.0.1 at the given port (default 8888) until the process is stopped. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8888;
        Asyncio.run(new EchoServer(System.out).main(port));
    }

    @Async
    Coroutine<Void> handleEcho(StreamReader reader, StreamWriter writer) {
        byte[] data = Await.on(reader.read(100));
        String message = new String(data, StandardCharsets.UTF_8);
        Object addr = writer.getExtraInfo("peername");
        out.println("Received " + message + " from " + addr);

        out.println("Send: " + message);
        writer.write(data);
        Await.on(writer.drain());

        out.println("Close the connection");
        writer.close();
        Await.on(writer.waitClosed());
        return Coroutine.done();
    }

    /** Starts the server at {@code 127.0.0.1:port} (0: any free port) and prints where it serves. */
    public Future<Server> start(int port) {
        return Asyncio.startServer(this::handleEcho, "127.0.0.1", port);
    }

    @Async
    Coroutine<Void> main(int port) {
        Server server = Await.on(start(port));
        out.println("Serving on " + server.sockets());
        Await.on(server.serveForever());
        return Coroutine.done();
    }
}
