package org.coro4j;

/**
 * Thrown for an operation not allowed in the current state of a future, task or coroutine
 * [Python: {@code asyncio.InvalidStateError}].
 */
public class InvalidStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the state. */
    public InvalidStateException(String message) {
        super(message);
    }
}
