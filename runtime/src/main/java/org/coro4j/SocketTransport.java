package org.coro4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A {@link ByteTransport} over a connected, non-blocking {@link SocketChannel} [Python:
 * {@code _SelectorSocketTransport}]. {@link #write} sends at once what the socket takes and keeps the
 * rest in a buffer that is flushed each time the socket becomes writable; reading stops while the
 * protocol has paused it. The loop owns the transport until it is closed, so that closing the loop
 * closes the socket.
 */
final class SocketTransport implements ByteTransport {
    private final EventLoop loop;
    private final SocketChannel channel;
    private final InetSocketAddress peer;
    private final InetSocketAddress local;
    private final AutoCloseable closer = this::closeChannel;
    private TransportProtocol protocol;
    /** Bytes written and not sent yet. */
    private final ByteQueue pending = new ByteQueue();
    private int highWater = 64 * 1024;
    private int lowWater = 16 * 1024;
    private boolean writingPaused;
    private boolean reading;
    private boolean readingPaused;
    private boolean closing;
    private boolean eofRequested;
    private boolean eofWritten;
    private boolean lost;

    SocketTransport(EventLoop loop, SocketChannel channel) throws IOException {
        this.loop = loop;
        this.channel = channel;
        channel.configureBlocking(false);
        this.peer = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
        loop.io().own(closer);
    }

    /** Starts delivering received bytes to {@code receiver}. */
    void start(TransportProtocol receiver) {
        this.protocol = receiver;
        reading = true;
        if (!readingPaused) {
            loop.addReader(channel, this::readReady);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (eofRequested) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (!data.hasRemaining() || lost) {
            data.position(data.limit());
            return;
        }
        if (pending.isEmpty()) {
            try {
                channel.write(data);
            } catch (IOException e) {
                fail(e);
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            loop.addWriter(channel, this::writeReady);
        }
        pending.append(data);
        if (!writingPaused && writeBufferSize() > highWater) {
            writingPaused = true;
            protocol.pauseWriting();
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void writeEof() {
        if (closing || eofRequested) {
            return;
        }
        eofRequested = true;
        if (pending.isEmpty()) {
            shutdownOutput();
        }
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        stopReading();
        if (pending.isEmpty()) {
            lose(null);
        }
    }

    @Override
    public void abort() {
        if (lost) {
            return;
        }
        closing = true;
        lose(null);
    }

    @Override
    public boolean isClosing() {
        return closing || lost;
    }

    @Override
    public void pauseReading() {
        if (readingPaused || closing) {
            return;
        }
        readingPaused = true;
        if (reading) {
            loop.removeReader(channel);
        }
    }

    @Override
    public void resumeReading() {
        if (!readingPaused || closing) {
            return;
        }
        readingPaused = false;
        if (reading) {
            loop.addReader(channel, this::readReady);
        }
    }

    @Override
    public int writeBufferSize() {
        return pending.size();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        highWater = high;
        lowWater = low;
    }

    @Override
    public Object getExtraInfo(String name) {
        return switch (name) {
            case "peername" -> peer;
            case "sockname" -> local;
            case "socket" -> channel;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "SocketTransport[" + local + " -> " + peer + (lost ? ", closed" : closing ? ", closing" : "") + "]";
    }

    private void readReady() {
        if (lost) {
            return;
        }
        ByteBuffer buffer = loop.io().readBuffer();
        int count;
        try {
            count = channel.read(buffer);
        } catch (IOException e) {
            fail(e);
            return;
        }
        if (count > 0) {
            buffer.flip();
            protocol.dataReceived(buffer);
        } else if (count < 0) {
            stopReading();
            if (!protocol.eofReceived()) {
                close();
            }
        }
    }

    private void writeReady() {
        if (lost) {
            return;
        }
        ByteBuffer readable = pending.readable();
        try {
            channel.write(readable);
        } catch (IOException e) {
            fail(e);
            return;
        }
        pending.consumed(readable);
        if (pending.isEmpty()) {
            loop.removeWriter(channel);
        }
        if (writingPaused && writeBufferSize() <= lowWater) {
            writingPaused = false;
            protocol.resumeWriting();
        }
        if (pending.isEmpty()) {
            if (closing) {
                lose(null);
            } else if (eofRequested) {
                shutdownOutput();
            }
        }
    }

    private void shutdownOutput() {
        if (eofWritten) {
            return;
        }
        eofWritten = true;
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void stopReading() {
        if (reading) {
            reading = false;
            if (!readingPaused) {
                loop.removeReader(channel);
            }
        }
    }

    /** A fatal error: the connection is lost with {@code error}, buffered bytes dropped. */
    private void fail(IOException error) {
        closing = true;
        lose(error);
    }

    /** Closes the socket and tells the protocol on a next iteration, as asyncio does. */
    private void lose(Throwable error) {
        if (lost) {
            return;
        }
        lost = true;
        pending.clear();
        reading = false;
        loop.removeReader(channel);
        loop.removeWriter(channel);
        closeChannel();
        loop.io().disown(closer);
        loop.callSoon(() -> protocol.connectionLost(error));
    }

    private void closeChannel() {
        lost = true;
        try {
            channel.close();
        } catch (IOException e) {
            // the socket is gone either way
        }
    }
}
