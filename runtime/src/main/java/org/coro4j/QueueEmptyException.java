package org.coro4j;

/** Thrown by {@link Queue#getNowait} when the queue is empty [Python: {@code asyncio.QueueEmpty}]. */
public class QueueEmptyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueEmptyException() {
        super("the queue is empty");
    }
}
