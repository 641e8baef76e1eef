package org.coro4j;

/**
 * A counter of permits tasks acquire and release [Python: {@code asyncio.Semaphore}]. Waiters get
 * permits first in, first out: while anyone waits, a new {@link #acquire()} waits too even if a
 * permit is free. A release hands its permit straight to the longest waiter; if that waiter's task
 * is cancelled before it resumes, the permit goes on to the next one.
 */
public class Semaphore {
    private final WaiterQueue<Void> waiters = new WaiterQueue<>(granted -> release());
    /** Free permits; 0 whenever tasks wait. */
    int value;

    /** Creates a semaphore with {@code value} permits; {@code value} must not be negative. */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /** Whether {@link #acquire()} would wait [Python: {@code locked()}]. */
    public boolean isLocked() {
        return value == 0 || !waiters.isEmpty();
    }

    /** A future done when the calling task holds a permit. */
    public Future<Void> acquire() {
        EventLoop loop = EventLoop.current();
        if (!isLocked()) {
            value--;
            return Future.completed(loop, null);
        }
        return waiters.add(loop, null);
    }

    /** Returns a permit, handing it to the longest waiter if there is one. */
    public void release() {
        Waiter<Void> next = waiters.poll();
        if (next == null) {
            value++;
        } else {
            next.complete(null);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<value=" + value + (waiters.isEmpty() ? "" : " waiters=" + waiters.size()) + ">";
    }
}
