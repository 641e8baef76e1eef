package org.coro4j;

import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * A condition variable over a {@link Lock} [Python: {@code asyncio.Condition}]. A task holding the
 * lock awaits {@link #await()}: the lock is released until another task signals, then re-acquired
 * before the await returns, even when the waiting task is cancelled. {@code signal} and
 * {@code signalAll} take the names Java's {@link Object} reserves for {@code notify}.
 */
public final class Condition {
    private final Lock lock;
    private final ArrayDeque<ConditionWait> waiters = new ArrayDeque<>();

    /** A condition with a lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /** A condition over {@code lock}. */
    public Condition(Lock lock) {
        this.lock = Arguments.notNull(lock, "Condition: the lock");
    }

    /** Acquires the underlying lock. */
    public Future<Void> acquire() {
        return lock.acquire();
    }

    /** Releases the underlying lock. */
    public void release() {
        lock.release();
    }

    /** Whether the underlying lock is held. */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /**
     * Releases the lock and returns a future done once this waiter was signalled and holds the lock
     * again [Python: {@code Condition.wait()}]. The caller must hold the lock.
     */
    public Future<Void> await() {
        if (!lock.isLocked()) {
            throw new InvalidStateException("cannot wait on un-acquired lock");
        }
        ConditionWait waiter = new ConditionWait(EventLoop.current(), this);
        waiters.add(waiter);
        lock.release();
        return waiter;
    }

    /**
     * A future done once {@code predicate} holds [Python: {@code Condition.wait_for(predicate)}]:
     * if it does not hold now, waits with {@link #await()} and checks it again after each wake-up.
     * The caller must hold the lock if the predicate does not hold; it holds it again when the
     * future is done, also when it is cancelled.
     */
    public Future<Void> waitFor(BooleanSupplier predicate) {
        Arguments.notNull(predicate, "Condition.waitFor: the predicate");
        EventLoop loop = EventLoop.current();
        if (predicate.getAsBoolean()) {
            return Future.completed(loop, null);
        }
        return new ConditionPredicateWait(loop, this, predicate);
    }

    /** Wakes up to {@code n} waiters, longest waiting first [Python: {@code notify(n)}]. The caller must hold the lock. */
    public void signal(int n) {
        if (!lock.isLocked()) {
            throw new InvalidStateException("cannot notify on un-acquired lock");
        }
        wake(n);
    }

    /** Wakes one waiter [Python: {@code notify()}]. */
    public void signal() {
        signal(1);
    }

    /** Wakes every waiter [Python: {@code notify_all()}]. */
    public void signalAll() {
        signal(waiters.size());
    }

    Lock lock() {
        return lock;
    }

    void wake(int n) {
        for (int i = 0; i < n; i++) {
            ConditionWait waiter = waiters.poll();
            if (waiter == null) {
                return;
            }
            waiter.signalled();
        }
    }

    void remove(ConditionWait waiter) {
        waiters.remove(waiter);
    }

    @Override
    public String toString() {
        return "Condition<" + lock + (waiters.isEmpty() ? "" : " waiters=" + waiters.size()) + ">";
    }
}
