package org.coro4j;

import java.util.ArrayDeque;

/**
 * A flag tasks can wait for [Python: {@code asyncio.Event}]. {@link #set()} wakes every waiting
 * task; {@link #clear()} makes later {@link #await()} calls wait again.
 *
 * <p>Each waiter is a plain {@link Future}: cancelling one cancels only it, and {@link #set()}
 * skips the waiters that are done already, as asyncio's {@code set()} does. A cancelled waiter is
 * not looked for in the queue when it is cancelled; the queue drops the done ones whenever it has
 * doubled since it last did, so it never holds more than twice the waiters still pending (plus a
 * few).
 */
public final class Event {
    /** The queue is swept of done waiters no earlier than at this size. */
    private static final int MIN_SWEEP_SIZE = 16;

    private final ArrayDeque<Future<Void>> waiters = new ArrayDeque<>();
    /** The size at which {@link #waiters} is next swept of done waiters. */
    private int sweepAt = MIN_SWEEP_SIZE;
    private boolean set;

    /** Creates an event that is not set. */
    public Event() {
    }

    /** Whether the flag is set [Python: {@code is_set()}]. */
    public boolean isSet() {
        return set;
    }

    /** Sets the flag and wakes every waiter, in the order they began waiting. */
    public void set() {
        if (set) {
            return;
        }
        set = true;
        Future<Void> waiter;
        while ((waiter = waiters.poll()) != null) {
            if (!waiter.isDone()) {
                waiter.complete(null);
            }
        }
        sweepAt = MIN_SWEEP_SIZE;
    }

    /** Clears the flag. */
    public void clear() {
        set = false;
    }

    /** A future done once the flag is set; done at once if it is set [Python: {@code wait()}]. */
    public Future<Void> await() {
        EventLoop loop = EventLoop.current();
        if (set) {
            return Future.completed(loop, null);
        }
        if (waiters.size() >= sweepAt) {
            waiters.removeIf(Future::isDone);
            sweepAt = Math.max(MIN_SWEEP_SIZE, waiters.size() * 2);
        }
        Future<Void> waiter = new Future<>(loop);
        waiters.add(waiter);
        return waiter;
    }

    @Override
    public String toString() {
        int pending = 0;
        for (Future<Void> waiter : waiters) {
            if (!waiter.isDone()) {
                pending++;
            }
        }
        return "Event<" + (set ? "set" : "unset") + (pending == 0 ? "" : " waiters=" + pending) + ">";
    }
}
