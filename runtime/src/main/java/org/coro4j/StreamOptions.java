package org.coro4j;

/**
 * Settings of the streams {@link Asyncio#openConnection} and {@link Asyncio#startServer} make
 * [Python: their {@code limit} argument, {@code set_write_buffer_limits}, {@code TCP_NODELAY}, {@code backlog}].
 * Immutable: each setter returns a copy.
 */
public final class StreamOptions {
    private static final StreamOptions DEFAULTS = new StreamOptions(64 * 1024, 64 * 1024, 16 * 1024, true, 100);

    private final int limit;
    private final int highWater;
    private final int lowWater;
    private final boolean noDelay;
    private final int backlog;

    private StreamOptions(int limit, int highWater, int lowWater, boolean noDelay, int backlog) {
        this.limit = limit;
        this.highWater = highWater;
        this.lowWater = lowWater;
        this.noDelay = noDelay;
        this.backlog = backlog;
    }

    /** A reader limit of 65,536 bytes, write buffer limits of 65,536 and 16,384, TCP_NODELAY on, a backlog of 100. */
    public static StreamOptions defaults() {
        return DEFAULTS;
    }

    /** These options with the reader's buffer limit set to {@code bytes} (more than 0). */
    public StreamOptions limit(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0: " + bytes);
        }
        return new StreamOptions(bytes, highWater, lowWater, noDelay, backlog);
    }

    /**
     * These options with the writer's high- and low-water marks: {@link StreamWriter#drain()} waits
     * while more than {@code high} bytes are buffered, until at most {@code low} are.
     */
    public StreamOptions writeBufferLimits(int high, int low) {
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        return new StreamOptions(limit, high, low, noDelay, backlog);
    }

    /** These options with TCP_NODELAY on or off. */
    public StreamOptions noDelay(boolean on) {
        return new StreamOptions(limit, highWater, lowWater, on, backlog);
    }

    /** These options with a server accept backlog of {@code connections} (more than 0). */
    public StreamOptions backlog(int connections) {
        if (connections <= 0) {
            throw new IllegalArgumentException("the backlog must be > 0: " + connections);
        }
        return new StreamOptions(limit, highWater, lowWater, noDelay, connections);
    }

    /** The reader's buffer limit in bytes. */
    public int limit() {
        return limit;
    }

    /** The writer's high-water mark in bytes. */
    public int highWater() {
        return highWater;
    }

    /** The writer's low-water mark in bytes. */
    public int lowWater() {
        return lowWater;
    }

    /** Whether TCP_NODELAY is set. */
    public boolean noDelay() {
        return noDelay;
    }

    /** The server's accept backlog. */
    public int backlog() {
        return backlog;
    }

    @Override
    public String toString() {
        return "StreamOptions[limit=" + limit + ", writeBufferLimits=" + highWater + "/" + lowWater
                + ", noDelay=" + noDelay + ", backlog=" + backlog + "]";
    }
}
