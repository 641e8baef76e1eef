package org.coro4j;

import java.io.IOException;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * Connects a {@link ByteTransport} to a {@link StreamReader} and {@link StreamWriter} [Python:
 * {@code asyncio.StreamReaderProtocol} with its flow control]: received bytes feed the reader, the
 * transport's pause and resume of writing hold and release {@link StreamWriter#drain()}.
 */
final class StreamProtocol implements TransportProtocol {
    private final EventLoop loop;
    private final StreamReader reader;
    private final Future<Void> drained;
    private final ArrayDeque<Future<Void>> drainWaiters = new ArrayDeque<>();
    /** Run once the connection is lost, or null. */
    private Runnable onLost;
    private boolean writingPaused;
    private boolean lost;
    private Throwable lostError;
    private Future<Void> closed;

    StreamProtocol(EventLoop loop, StreamReader reader) {
        this.loop = loop;
        this.reader = reader;
        this.drained = Future.completed(loop, null);
    }

    /**
     * The streams over a connected {@code socket}: a {@link SocketTransport} reading into a new
     * {@link StreamReader}, written through a new {@link StreamWriter}; {@code onLost} (or null)
     * runs once the connection is lost.
     */
    static Connection open(EventLoop loop, SocketChannel socket, StreamOptions options, Runnable onLost) throws IOException {
        socket.setOption(StandardSocketOptions.TCP_NODELAY, options.noDelay());
        SocketTransport transport = new SocketTransport(loop, socket);
        transport.setWriteBufferLimits(options.highWater(), options.lowWater());
        StreamReader reader = new StreamReader(loop, options.limit());
        reader.setTransport(transport);
        StreamProtocol protocol = new StreamProtocol(loop, reader);
        protocol.onLost = onLost;
        transport.start(protocol);
        return new Connection(reader, new StreamWriter(loop, transport, protocol, reader));
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        reader.feedData(data);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return true;
    }

    @Override
    public void connectionLost(Throwable error) {
        lost = true;
        lostError = error;
        if (error == null) {
            reader.feedEof();
        } else {
            reader.setException(error);
        }
        Future<Void> waiter;
        while ((waiter = drainWaiters.poll()) != null) {
            if (!waiter.isDone()) {
                if (error == null) {
                    waiter.complete(null);
                } else {
                    waiter.fail(error);
                }
            }
        }
        if (closed != null && !closed.isDone()) {
            completeClosed(closed);
        }
        if (onLost != null) {
            onLost.run();
        }
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        Future<Void> waiter;
        while ((waiter = drainWaiters.poll()) != null) {
            if (!waiter.isDone()) {
                waiter.complete(null);
            }
        }
    }

    /** Done at once unless writing is paused; then when it resumes; failed if the connection is lost [Python: {@code _drain_helper}]. */
    Future<Void> drainHelper() {
        if (lost) {
            Future<Void> failed = new Future<>(loop);
            failed.fail(lostError != null ? lostError : new SocketException("Connection lost"));
            return failed;
        }
        if (!writingPaused) {
            return drained;
        }
        Future<Void> waiter = new Future<>(loop);
        drainWaiters.add(waiter);
        return waiter;
    }

    boolean isLost() {
        return lost;
    }

    /** Done when the connection is lost; failed with its error if it had one [Python: {@code _get_close_waiter}]. */
    Future<Void> closedFuture() {
        if (closed == null) {
            closed = new Future<>(loop);
            if (lost) {
                completeClosed(closed);
            }
        }
        return closed;
    }

    private void completeClosed(Future<Void> future) {
        if (lostError == null) {
            future.complete(null);
        } else {
            future.fail(lostError);
        }
    }
}
