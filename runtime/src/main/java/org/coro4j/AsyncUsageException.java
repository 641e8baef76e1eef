package org.coro4j;

/**
 * Thrown when coro4j is used where it cannot work: {@link Await#on} outside an instrumented
 * coroutine, or a loop operation with no running loop [Python: the {@code RuntimeError}s asyncio
 * raises for the same misuse].
 */
public class AsyncUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what was misused and how to fix it. */
    public AsyncUsageException(String message) {
        super(message);
    }
}
