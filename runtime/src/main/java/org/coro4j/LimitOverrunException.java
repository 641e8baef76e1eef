package org.coro4j;

/**
 * A separator not found within the reader's limit [Python: {@code asyncio.LimitOverrunError}];
 * {@link StreamReader#readUntil} leaves the data buffered, {@link StreamReader#readLine} discards
 * the overlong line.
 */
public class LimitOverrunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    /** {@code consumed}: how many bytes were searched, which a caller may read next. */
    public LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** How many bytes were searched before the limit was overrun. */
    public int consumed() {
        return consumed;
    }
}
