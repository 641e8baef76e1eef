package org.coro4j;

/**
 * Thrown by {@link Barrier#await()} when the barrier is broken: aborted, or reset while tasks
 * waited [Python 3.11: {@code asyncio.BrokenBarrierError}].
 */
public class BrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public BrokenBarrierException(String message) {
        super(message);
    }
}
