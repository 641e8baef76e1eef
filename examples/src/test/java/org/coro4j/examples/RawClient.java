package org.coro4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A plain blocking socket to a server, to send exact bytes and read exact replies. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(RunningMiniRedis.TIMEOUT_MILLIS);
        in = socket.getInputStream();
    }

    /** Sends the bytes of {@code text} (ISO-8859-1) in one write. */
    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads exactly as many bytes as {@code expected} has and asserts they are those. */
    void expect(String expected) throws IOException {
        byte[] got = in.readNBytes(expected.length());
        assertEquals(expected, new String(got, StandardCharsets.ISO_8859_1));
    }

    /** Asserts that the server closes the connection, after nothing more than {@code expected}. */
    void expectEnd(String expected) throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        in.transferTo(rest);
        assertEquals(expected, rest.toString(StandardCharsets.ISO_8859_1));
    }

    /** Whether a byte arrives within {@code millis} (consumed if so). */
    boolean anyByteWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return in.read() >= 0;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(RunningMiniRedis.TIMEOUT_MILLIS);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
