package org.coro4j;

/**
 * Thrown by a {@link Queue} that was shut down: by puts, and by gets once it is empty
 * [Python 3.13: {@code asyncio.QueueShutDown}].
 */
public class QueueShutDownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueShutDownException() {
        super("the queue was shut down");
    }
}
