package org.coro4j;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/** The pending {@link Waiter}s of one primitive, first in first out; cancelled waiters leave it. */
final class WaiterQueue<T> {
    private final ArrayDeque<Waiter<T>> waiters = new ArrayDeque<>();
    private final Consumer<Waiter<T>> onDiscarded;

    /** {@code onDiscarded} takes back what was given to a waiter whose task was cancelled before it could use it. */
    WaiterQueue(Consumer<Waiter<T>> onDiscarded) {
        this.onDiscarded = onDiscarded;
    }

    Waiter<T> add(EventLoop loop, Object payload) {
        Waiter<T> waiter = new Waiter<>(loop, this, payload);
        waiters.add(waiter);
        return waiter;
    }

    /** Removes and returns the longest waiting, or null if none waits. */
    Waiter<T> poll() {
        return waiters.poll();
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    int size() {
        return waiters.size();
    }

    void remove(Waiter<T> waiter) {
        waiters.remove(waiter);
    }

    void discarded(Waiter<T> waiter) {
        onDiscarded.accept(waiter);
    }
}
