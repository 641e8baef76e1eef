package org.coro4j;

/** Thrown by {@link Queue#putNowait} when the queue is full [Python: {@code asyncio.QueueFull}]. */
public class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueFullException() {
        super("the queue is full");
    }
}
