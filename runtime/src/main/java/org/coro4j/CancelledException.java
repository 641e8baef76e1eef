package org.coro4j;

/**
 * Thrown where a cancelled task is suspended, and by {@code result()} of a cancelled future
 * [Python: {@code asyncio.CancelledError}]. It is an {@link Error}, as {@code CancelledError} is a
 * {@code BaseException}, so that {@code catch (Exception e)} does not swallow cancellation.
 */
public class CancelledException extends Error {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with no message. */
    public CancelledException() {
        super();
    }

    /** Creates the exception with the message given to {@code cancel(msg)}. */
    public CancelledException(String message) {
        super(message);
    }
}
