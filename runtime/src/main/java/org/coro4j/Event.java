package org.coro4j;

/**
 * A flag tasks can wait for [Python: {@code asyncio.Event}]. {@link #set()} wakes every waiting
 * task; {@link #clear()} makes later {@link #await()} calls wait again.
 */
public final class Event {
    private final WaiterQueue<Void> waiters = new WaiterQueue<>(woken -> { });
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
        Waiter<Void> waiter;
        while ((waiter = waiters.poll()) != null) {
            waiter.complete(null);
        }
    }

    /** Clears the flag. */
    public void clear() {
        set = false;
    }

    /** A future done once the flag is set; done at once if it is set [Python: {@code wait()}]. */
    public Future<Void> await() {
        EventLoop loop = EventLoop.current();
        return set ? Future.completed(loop, null) : waiters.add(loop, null);
    }

    @Override
    public String toString() {
        return "Event<" + (set ? "set" : "unset") + (waiters.isEmpty() ? "" : " waiters=" + waiters.size()) + ">";
    }
}
