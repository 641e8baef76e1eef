package org.coro4j;

/**
 * The future a synchronisation primitive completes to let one waiting task go on [Python: the
 * waiter futures of {@code asyncio.locks} and {@code asyncio.queues}]. Cancelling it takes it out of
 * its queue; if its task is cancelled after being let through, the queue takes back what it gave.
 */
class Waiter<T> extends Future<T> {
    private final WaiterQueue<T> queue;

    Waiter(EventLoop loop, WaiterQueue<T> queue) {
        super(loop);
        this.queue = queue;
    }

    /** What the waiting task brings, such as the item of a blocked {@code put}; null if nothing. */
    Object payload() {
        return null;
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

    /** A waiter that brings something; only these pay for the field. */
    static final class Carrying<T> extends Waiter<T> {
        private final Object payload;

        Carrying(EventLoop loop, WaiterQueue<T> queue, Object payload) {
            super(loop, queue);
            this.payload = payload;
        }

        @Override
        Object payload() {
            return payload;
        }
    }
}
