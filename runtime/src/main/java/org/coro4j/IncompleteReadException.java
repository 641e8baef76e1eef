package org.coro4j;

/**
 * A read that needed more bytes than the stream had before its end [Python:
 * {@code asyncio.IncompleteReadError}]: thrown by {@link StreamReader#readExactly} and
 * {@link StreamReader#readUntil} at end of stream.
 */
public class IncompleteReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient byte[] partial;
    private final int expected;

    /** {@code partial}: the bytes read before the end; {@code expected}: the bytes asked for, -1 if not a count. */
    public IncompleteReadException(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : String.valueOf(expected))
                + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before the end of stream. */
    public byte[] partial() {
        return partial;
    }

    /** How many bytes were asked for; -1 for {@link StreamReader#readUntil}. */
    public int expected() {
        return expected;
    }
}
