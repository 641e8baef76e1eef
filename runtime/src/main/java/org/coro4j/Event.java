package org.coro4j;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A flag tasks can wait for [Python: {@code asyncio.Event}]. {@link #set()} wakes every waiting
 * task; {@link #clear()} makes later {@link #await()} calls wait again.
 *
 * <p>Each waiter is a plain {@link Future}: cancelling one cancels only it, and {@link #set()}
 * skips the waiters that are done already, as asyncio's {@code set()} does. A cancelled waiter is
 * not looked for in the queue when it is cancelled; the queue drops the done ones whenever it has
 * doubled since it last did, so it never holds more than twice the waiters still pending (plus a
 * few). Tasks that await the event where they call {@code await()}, and so never see the future,
 * share one instead, with the same order and the same cancellation ({@link #awaitUnseen()}).
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
        Future<Void> waiter = new Future<>(loop);
        enqueue(waiter);
        return waiter;
    }

    /**
     * {@link #await()} for an {@code Await.on(event.await())} that alone sees the future (see
     * {@code Continuation.eventAwaited}): waiters that begin waiting one after the other share a
     * {@link SharedWait}, so a waiting task costs no future of its own. Cancelling one of them still
     * cancels only its wait.
     */
    Future<Void> awaitUnseen() {
        EventLoop loop = EventLoop.current();
        if (set) {
            return Future.completed(loop, null);
        }
        if (waiters.peekLast() instanceof SharedWait last && !last.isDone() && last.loop() == loop) {
            return last;
        }
        SharedWait waiter = new SharedWait(loop);
        enqueue(waiter);
        return waiter;
    }

    private void enqueue(Future<Void> waiter) {
        if (waiters.size() >= sweepAt) {
            waiters.removeIf(Future::isDone);
            sweepAt = Math.max(MIN_SWEEP_SIZE, waiters.size() * 2);
        }
        waiters.add(waiter);
    }

    @Override
    public String toString() {
        int pending = 0;
        for (Future<Void> waiter : waiters) {
            if (waiter instanceof SharedWait shared) {
                pending += shared.waiting();
            } else if (!waiter.isDone()) {
                pending++;
            }
        }
        return "Event<" + (set ? "set" : "unset") + (pending == 0 ? "" : " waiters=" + pending) + ">";
    }

    /**
     * The future that waiters which began waiting one after the other await, none of them seeing it.
     * A waiter being cancelled is {@link #releases released}: its registration stays until the
     * registrations released outnumber those still waiting, and is then removed with the others.
     */
    private static final class SharedWait extends Future<Void> {
        /** Registrations are removed no earlier than at this many released. */
        private static final int MIN_RELEASED_TO_REMOVE = 16;

        /** Registrations made, less those removed. */
        private int registrations;
        /** Of those, how many were released. */
        private int released;
        /** How many registrations of each watcher were released; null until one is. */
        private Map<Future<?>, int[]> releasedBy;

        SharedWait(EventLoop loop) {
            super(loop);
        }

        /** How many waiters are still waiting. */
        int waiting() {
            return isDone() ? 0 : registrations - released;
        }

        @Override
        void watchedFromNowOn() {
            registrations++;
        }

        @Override
        boolean releases(Future<?> watcher) {
            if (releasedBy == null) {
                releasedBy = new IdentityHashMap<>();
            }
            releasedBy.computeIfAbsent(watcher, w -> new int[1])[0]++;
            released++;
            if (released >= MIN_RELEASED_TO_REMOVE && released * 2 > registrations) {
                removeRegistrations(releasedBy);
                registrations -= released;
                released = 0;
                releasedBy = null;
            }
            return true;
        }
    }
}
