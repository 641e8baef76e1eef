package org.coro4j;

/**
 * Thrown when a deadline set by {@link Asyncio#timeout} or {@link Asyncio#waitFor} passes
 * [Python: {@code TimeoutError} as raised by {@code asyncio.timeout} and {@code asyncio.wait_for}].
 * Its cause is the {@link CancelledException} that interrupted the work.
 */
public class AsyncTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public AsyncTimeoutException() {
        super();
    }

    /** Creates the exception with a message. */
    public AsyncTimeoutException(String message) {
        super(message);
    }
}
