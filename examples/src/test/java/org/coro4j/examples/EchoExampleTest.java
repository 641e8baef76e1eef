package org.coro4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.CancelledException;
import org.coro4j.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** asyncio's TCP echo client and server examples, run against each other on one loop. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EchoExampleTest {
    private final ByteArrayOutputStream serverOutput = new ByteArrayOutputStream();
    private final ByteArrayOutputStream clientOutput = new ByteArrayOutputStream();
    private final EchoServer server = new EchoServer(new PrintStream(serverOutput, true, StandardCharsets.UTF_8));
    private final EchoClient client = new EchoClient(new PrintStream(clientOutput, true, StandardCharsets.UTF_8));

    @Test
    void theClientGetsItsMessageBackAndBothPrintWhatTheDocumentationShows() {
        List<String> replies = Asyncio.run(twoClients("Hello World!", "¡Hola, mundo!"));

        assertEquals(List.of("Hello World!", "¡Hola, mundo!"), replies);
        assertEquals(List.of(
                "Send: Hello World!", "Received: Hello World!", "Close the connection",
                "Send: ¡Hola, mundo!", "Received: ¡Hola, mundo!", "Close the connection"),
                lines(clientOutput));
        List<String> served = lines(serverOutput);
        assertEquals(7, served.size(), served.toString());
        assertTrue(served.get(0).matches("Serving on \\[/127\\.0\\.0\\.1:\\d+]"), served.get(0));
        assertTrue(served.get(1).matches("Received Hello World! from /127\\.0\\.0\\.1:\\d+"), served.get(1));
        assertEquals(List.of("Send: Hello World!", "Close the connection"), served.subList(2, 4));
        assertTrue(served.get(4).matches("Received ¡Hola, mundo! from /127\\.0\\.0\\.1:\\d+"), served.get(4));
        assertEquals(List.of("Send: ¡Hola, mundo!", "Close the connection"), served.subList(5, 7));
    }

    /** The server's main() on port 0 as a task, two clients one after the other, then the server cancelled. */
    @Async
    private Coroutine<List<String>> twoClients(String first, String second) {
        Task<Void> serving = Asyncio.createTask(server.main(0));
        for (int i = 0; i < 1_000 && !serverOutput.toString(StandardCharsets.UTF_8).contains("Serving on"); i++) {
            Await.on(Asyncio.sleep(0.01));
        }
        Matcher where = Pattern.compile("Serving on \\[/127\\.0\\.0\\.1:(\\d+)]").matcher(serverOutput.toString(StandardCharsets.UTF_8));
        assertTrue(where.find(), serverOutput.toString(StandardCharsets.UTF_8));
        int port = Integer.parseInt(where.group(1));

        String a = Await.on(client.tcpEchoClient(first, port));
        String b = Await.on(client.tcpEchoClient(second, port));
        serving.cancel();
        try {
            Await.on(serving);
        } catch (CancelledException expected) {
            // serve_forever ends by cancellation
        }
        assertTrue(serving.isCancelled());
        return Coroutine.of(List.of(a, b));
    }

    private static List<String> lines(ByteArrayOutputStream output) {
        return output.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
