package org.coro4j;

import java.nio.ByteBuffer;

/**
 * The receiving end of a connection [Python: {@code asyncio.StreamReader}]: a buffer filled by the
 * transport, and reads that complete from it. One read may wait at a time. Reads take bytes off the
 * buffer only when they complete, so cancelling a waiting read loses nothing; a completed read whose
 * task is cancelled before it resumes puts its bytes back.
 *
 * <p>Back-pressure: while more than twice the limit is buffered and no read waits, the transport
 * stops reading the socket; it resumes once reads bring the buffer down to the limit, or a read
 * waits for more. Use it on its loop's thread only.
 */
public final class StreamReader {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] NEWLINE = {'\n'};

    private final EventLoop loop;
    private final int limit;
    private final ByteQueue buffer = new ByteQueue();
    private boolean eof;
    private Throwable exception;
    private ByteTransport transport;
    private boolean paused;
    private PendingRead waiting;

    StreamReader(EventLoop loop, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0: " + limit);
        }
        this.loop = loop;
        this.limit = limit;
    }

    /**
     * Up to {@code n} bytes, at least one unless the stream is at its end (then an empty array);
     * {@code read(-1)} reads to the end of the stream [Python: {@code StreamReader.read}].
     */
    public Future<byte[]> read(int n) {
        if (n == 0) {
            return Future.completed(loop, EMPTY);
        }
        return start(n < 0 ? new PendingRead(this, Kind.ALL, 0, null) : new PendingRead(this, Kind.SOME, n, null), "read");
    }

    /**
     * The bytes through the next {@code \n}, or what is left at the end of the stream (empty at
     * the end) [Python: {@code StreamReader.readline}]. A line longer than the limit is discarded
     * and fails with {@link LimitOverrunException}.
     */
    public Future<byte[]> readLine() {
        return readThrough(NEWLINE, Kind.LINE, "readLine");
    }

    /**
     * Exactly {@code n} bytes; at the end of the stream fails with {@link IncompleteReadException},
     * whose partial bytes are consumed [Python: {@code StreamReader.readexactly}].
     */
    public Future<byte[]> readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly size can not be less than zero: " + n);
        }
        if (n == 0) {
            return Future.completed(loop, EMPTY);
        }
        checkNotWaiting("readExactly");
        if (exception == null && buffer.size() >= n) {
            return Future.completed(loop, take(n));
        }
        return start(new PendingRead(this, Kind.EXACTLY, n, null), "readExactly");
    }

    /**
     * The bytes through the next {@code separator} [Python: {@code StreamReader.readuntil}]. At the
     * end of the stream fails with {@link IncompleteReadException} (the rest is consumed); if the
     * separator is not within the limit fails with {@link LimitOverrunException}, the data left buffered.
     */
    public Future<byte[]> readUntil(byte[] separator) {
        if (separator.length == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        return readThrough(separator, Kind.UNTIL, "readUntil");
    }

    /** Whether the stream ended and every buffered byte was read [Python: {@code StreamReader.at_eof}]. */
    public boolean atEof() {
        return eof && buffer.isEmpty();
    }

    /** The buffer limit in bytes. */
    public int limit() {
        return limit;
    }

    @Override
    public String toString() {
        return "StreamReader[" + buffer.size() + " bytes" + (eof ? ", eof" : "") + (exception != null ? ", exception=" + exception : "")
                + ", limit=" + limit + (waiting != null ? ", waiting" : "") + (paused ? ", paused" : "") + "]";
    }

    /** The transport this reader pauses and resumes. */
    void setTransport(ByteTransport transport) {
        this.transport = transport;
    }

    /** Appends received bytes and completes the waiting read if it can [Python: {@code feed_data}]. */
    void feedData(ByteBuffer data) {
        if (!data.hasRemaining()) {
            return;
        }
        buffer.append(data);
        progress();
        if (waiting == null && !paused && transport != null && buffer.size() > 2 * limit) {
            paused = true;
            transport.pauseReading();
        }
    }

    void feedData(byte[] data) {
        feedData(ByteBuffer.wrap(data));
    }

    /** Marks the end of the stream [Python: {@code feed_eof}]. */
    void feedEof() {
        eof = true;
        progress();
    }

    /** Fails the waiting read and every later one with {@code error} [Python: {@code set_exception}]. */
    void setException(Throwable error) {
        exception = error;
        progress();
    }

    /** A copy of the buffered bytes. */
    byte[] buffered() {
        return buffer.toArray();
    }

    /** The error set by {@link #setException}, or null. */
    Throwable exception() {
        return exception;
    }

    /**
     * {@code readLine} or {@code readUntil}: done at once, without a pending read, when the
     * separator is buffered within the limit; otherwise a read that goes on from where this search stopped.
     */
    private Future<byte[]> readThrough(byte[] separator, Kind kind, String operation) {
        checkNotWaiting(operation);
        int found = buffer.indexOf(separator, 0);
        if (found >= 0 && found <= limit) {
            return Future.completed(loop, take(found + separator.length));
        }
        PendingRead read = new PendingRead(this, kind, 0, kind == Kind.LINE ? separator : separator.clone());
        if (found < 0) {
            read.searched = Math.max(0, buffer.size() + 1 - separator.length);
        }
        return start(read, operation);
    }

    private void checkNotWaiting(String operation) {
        if (waiting != null) {
            throw new IllegalStateException(operation + "() called while another coroutine is already waiting for incoming data");
        }
    }

    private Future<byte[]> start(PendingRead read, String operation) {
        checkNotWaiting(operation);
        if (!read.attempt()) {
            waiting = read;
            resumeTransport();
        }
        return read;
    }

    /** Lets the waiting read complete with what is buffered now. */
    private void progress() {
        PendingRead read = waiting;
        if (read != null && read.attempt()) {
            waiting = null;
        }
    }

    /** The waiting read was cancelled: it consumed nothing. */
    private void abandon(PendingRead read) {
        if (waiting == read) {
            waiting = null;
        }
    }

    /** Takes the first {@code count} buffered bytes. */
    private byte[] take(int count) {
        byte[] taken = buffer.take(count);
        resumeBelowLimit();
        return taken;
    }

    private void discard(int count) {
        buffer.discard(count);
        resumeBelowLimit();
    }

    private void resumeBelowLimit() {
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    /** Puts {@code bytes}, the result of a read its task did not receive, back in front of the buffer. */
    private void unread(byte[] bytes) {
        buffer.prepend(bytes);
        if (waiting != null) {
            // what the waiting read searched moved back by the restored bytes: search again from the start
            waiting.searched = 0;
            progress();
        }
    }

    private void resumeTransport() {
        if (paused) {
            paused = false;
            transport.resumeReading();
        }
    }

    private enum Kind { SOME, ALL, EXACTLY, UNTIL, LINE }

    /** One read, done as soon as the buffer lets it be; re-attempted each time the buffer changes. */
    private static final class PendingRead extends Future<byte[]> {
        private final StreamReader reader;
        private final Kind kind;
        private final int count;
        private final byte[] separator;
        /** How far the buffer was already searched for the separator without finding it. */
        private int searched;

        PendingRead(StreamReader reader, Kind kind, int count, byte[] separator) {
            super(reader.loop);
            this.reader = reader;
            this.kind = kind;
            this.count = count;
            this.separator = separator;
        }

        @Override
        public boolean cancel(String message) {
            if (!cancelFuture(message)) {
                return false;
            }
            reader.abandon(this);
            return true;
        }

        @Override
        void resultDiscarded() {
            reader.unread(result());
        }

        /** Completes this read if the buffer allows; false if it must wait for more. */
        boolean attempt() {
            StreamReader r = reader;
            int size = r.buffer.size();
            switch (kind) {
                case SOME -> {
                    if (r.exception != null) {
                        fail(r.exception);
                    } else if (size > 0) {
                        complete(r.take(Math.min(count, size)));
                    } else if (r.eof) {
                        complete(EMPTY);
                    } else {
                        return false;
                    }
                    return true;
                }
                case ALL -> {
                    if (r.exception != null) {
                        fail(r.exception);
                    } else if (r.eof) {
                        complete(r.take(size));
                    } else {
                        return false;
                    }
                    return true;
                }
                case EXACTLY -> {
                    if (r.exception != null) {
                        fail(r.exception);
                    } else if (size >= count) {
                        complete(r.take(count));
                    } else if (r.eof) {
                        fail(new IncompleteReadException(r.take(size), count));
                    } else {
                        return false;
                    }
                    return true;
                }
                default -> {
                    return attemptUntil(r, size);
                }
            }
        }

        private boolean attemptUntil(StreamReader r, int size) {
            int length = separator.length;
            int found = -1;
            if (size - searched >= length) {
                found = r.buffer.indexOf(separator, searched);
                if (found < 0) {
                    searched = size + 1 - length;
                }
            }
            if (found < 0) {
                if (searched > r.limit) {
                    overrun(r, "Separator is not found, and chunk exceed the limit", searched);
                } else if (r.exception != null) {
                    fail(r.exception);
                } else if (r.eof) {
                    byte[] rest = r.take(size);
                    if (kind == Kind.LINE) {
                        complete(rest);
                    } else {
                        fail(new IncompleteReadException(rest, -1));
                    }
                } else {
                    return false;
                }
                return true;
            }
            if (found > r.limit) {
                overrun(r, "Separator is found, but chunk is longer than limit", found);
            } else {
                complete(r.take(found + length));
            }
            return true;
        }

        /** The separator is beyond the limit: {@code readLine} discards the overlong line, {@code readUntil} keeps it. */
        private void overrun(StreamReader r, String message, int consumed) {
            if (kind == Kind.LINE) {
                r.discard(r.buffer.startsWith(separator, consumed) ? consumed + separator.length : r.buffer.size());
            }
            fail(new LimitOverrunException(message, consumed));
        }
    }
}
