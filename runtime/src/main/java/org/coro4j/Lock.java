package org.coro4j;

/**
 * A mutual exclusion lock for tasks [Python: {@code asyncio.Lock}]. {@code Await.on(lock.acquire())}
 * returns once the task holds the lock; waiters get it first in, first out. A release hands the lock
 * straight to the longest waiter; if that waiter's task is cancelled before it resumes, the lock
 * goes on to the next one. Not reentrant; use it on its loop's thread only.
 */
public final class Lock {
    private final WaiterQueue<Void> waiters = new WaiterQueue<>(granted -> release());
    private boolean locked;

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /** A future done when the calling task holds the lock; done at once if the lock is free and nobody waits. */
    public Future<Void> acquire() {
        EventLoop loop = EventLoop.current();
        if (!locked && waiters.isEmpty()) {
            locked = true;
            return Future.completed(loop, null);
        }
        return waiters.add(loop, null);
    }

    /** Releases the lock, handing it to the longest waiter; throws {@link InvalidStateException} if it is not locked. */
    public void release() {
        if (!locked) {
            throw new InvalidStateException("Lock is not acquired.");
        }
        Waiter<Void> next = waiters.poll();
        if (next == null) {
            locked = false;
        } else {
            next.complete(null);
        }
    }

    /** Whether some task holds the lock [Python: {@code locked()}]. */
    public boolean isLocked() {
        return locked;
    }

    @Override
    public String toString() {
        return "Lock<" + (locked ? "locked" : "unlocked") + (waiters.isEmpty() ? "" : " waiters=" + waiters.size()) + ">";
    }
}
