package org.coro4j;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The sending end of a connection [Python: {@code asyncio.StreamWriter}]. {@link #write} sends at
 * once what the socket takes and buffers the rest, which the loop flushes as the socket becomes
 * writable; {@link #drain()} is how a writer waits for a full buffer to empty. Use it on its loop's
 * thread only.
 */
public final class StreamWriter {
    private final EventLoop loop;
    private final ByteTransport transport;
    private final StreamProtocol protocol;
    private final StreamReader reader;

    StreamWriter(EventLoop loop, ByteTransport transport, StreamProtocol protocol, StreamReader reader) {
        this.loop = loop;
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
    }

    /** Sends {@code data}, or buffers what the socket cannot take now [Python: {@code StreamWriter.write}]. */
    public void write(byte[] data) {
        transport.write(ByteBuffer.wrap(data));
    }

    /** Sends the remaining bytes of {@code data} (consuming them), or buffers a copy of what the socket cannot take now. */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    /** Writes each of {@code lines} in order [Python: {@code StreamWriter.writelines}]. */
    public void writeLines(List<byte[]> lines) {
        for (byte[] line : lines) {
            transport.write(ByteBuffer.wrap(line));
        }
    }

    /**
     * Done at once unless more than the high-water mark is buffered; then done when the buffer drops
     * to the low-water mark. Fails with the reader's error, or the connection's if it was lost
     * [Python: {@code StreamWriter.drain}].
     */
    public Future<Void> drain() {
        Throwable error = reader.exception();
        if (error != null) {
            Future<Void> failed = new Future<>(loop);
            failed.fail(error);
            return failed;
        }
        if (transport.isClosing() && !protocol.isLost()) {
            // the connection is being lost: let it be on the next iteration, then see how it ended
            Future<Void> later = new Future<>(loop);
            loop.callSoon(() -> {
                if (!later.isDone()) {
                    protocol.drainHelper().addDoneCallback(helper -> {
                        if (!later.isDone()) {
                            later.completeLike(helper);
                        }
                    });
                }
            });
            return later;
        }
        return protocol.drainHelper();
    }

    /** Whether {@link #writeEof()} is supported [Python: {@code can_write_eof}]. */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /** Closes the sending side once buffered bytes are sent; reading goes on [Python: {@code write_eof}]. */
    public void writeEof() {
        transport.writeEof();
    }

    /** Closes the connection once buffered bytes are sent [Python: {@code StreamWriter.close}]. */
    public void close() {
        transport.close();
    }

    /** Whether the connection is closed or being closed [Python: {@code is_closing}]. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /** Done when the connection is closed; fails with the error that closed it, if any [Python: {@code wait_closed}]. */
    public Future<Void> waitClosed() {
        return protocol.closedFuture();
    }

    /**
     * {@code "peername"} and {@code "sockname"} ({@link java.net.InetSocketAddress}), {@code "socket"}
     * (the {@link java.nio.channels.SocketChannel}); null for other names [Python: {@code get_extra_info}].
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /** The transport under this writer. */
    ByteTransport transport() {
        return transport;
    }

    @Override
    public String toString() {
        return "StreamWriter[" + transport + ", reader=" + reader + "]";
    }
}
