package org.coro4j;

import java.nio.ByteBuffer;

/** What a {@link ByteTransport} reports to, on the loop thread [Python: {@code asyncio.Protocol}]. */
interface TransportProtocol {
    /** Bytes received; valid only during the call. */
    void dataReceived(ByteBuffer data);

    /** The peer closed its sending side; true keeps the transport open for writing. */
    boolean eofReceived();

    /** The transport is closed: {@code error} is why, or null after a clean close. */
    void connectionLost(Throwable error);

    /** The write buffer went above its high-water mark. */
    void pauseWriting();

    /** The write buffer dropped to its low-water mark. */
    void resumeWriting();
}
