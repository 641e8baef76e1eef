package org.coro4j;

import java.nio.ByteBuffer;

/**
 * A two-way stream of bytes under a {@link StreamReader} and {@link StreamWriter} [Python:
 * {@code asyncio.Transport}]. It delivers what it receives to its {@link TransportProtocol} and
 * sends what is written, buffering what the peer cannot take yet. A transport can be layered on
 * another (TLS over a socket) by being the lower one's protocol.
 */
interface ByteTransport {
    /** Sends the remaining bytes of {@code data} at once as far as possible and buffers the rest; consumes {@code data}. */
    void write(ByteBuffer data);

    /** Whether {@link #writeEof()} is supported. */
    boolean canWriteEof();

    /** Closes the sending side once the buffered bytes are sent; the receiving side stays open. */
    void writeEof();

    /** Closes the transport once the buffered bytes are sent; the protocol then sees the connection lost. */
    void close();

    /** Closes the transport at once, dropping buffered bytes. */
    void abort();

    /** Whether {@link #close()} or {@link #abort()} was called or the connection was lost. */
    boolean isClosing();

    /** Stops delivering received bytes until {@link #resumeReading()}. */
    void pauseReading();

    void resumeReading();

    /** The bytes written but not sent yet. */
    int writeBufferSize();

    /** Sets when the protocol is told to pause writing (above {@code high} buffered) and to resume (at {@code low}). */
    void setWriteBufferLimits(int high, int low);

    /** {@code "peername"}, {@code "sockname"} or {@code "socket"}; null for other names. */
    Object getExtraInfo(String name);
}
