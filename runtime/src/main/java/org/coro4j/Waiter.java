package org.coro4j;

/**
 * The future a synchronisation primitive completes to let one waiting task go on [Python: the
 * waiter futures of {@code asyncio.locks} and {@code asyncio.queues}]. Cancelling it takes it out of
 * its queue; if its task is cancelled after being let through, the queue takes back what it gave.
 */
final class Waiter<T> extends Future<T> {
    private final WaiterQueue<T> queue;
    /** What the waiting task brings, such as the item of a blocked {@code put}; null if nothing. */
    final Object payload;

    Waiter(EventLoop loop, WaiterQueue<T> queue, Object payload) {
        super(loop);
        this.queue = queue;
        this.payload = payload;
    }

    @Override
    public boolean cancel(String message) {
        if (!cancelFuture(message)) {
            return false;
        }
        queue.remove(this);
        return true;
    }

    @Override
    void resultDiscarded() {
        queue.discarded(this);
    }
}
