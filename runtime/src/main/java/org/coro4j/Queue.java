package org.coro4j;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A first-in first-out queue for tasks [Python: {@code asyncio.Queue}]. With a {@code maxsize}
 * above 0, {@link #put} waits while the queue is full; {@link #get()} waits while it is empty.
 * Blocked getters and putters are served first in, first out: an item is handed straight to the
 * longest waiting getter, and a freed slot to the longest waiting putter. If a task is cancelled
 * after being served but before it resumes, the queue takes the item or slot back. Every item
 * counts as unfinished until {@link #taskDone()} is called for it; {@link #join()} waits for none
 * to be left. {@link #shutdown()} stops the queue [Python 3.13: {@code Queue.shutdown}]. Items must
 * not be null.
 *
 * <p>{@link PriorityQueue} and {@link LifoQueue} keep their items in another order; waiters are
 * served in the same way.
 *
 * @param <T> the item type
 */
public class Queue<T> {
    private final int maxsize;
    private final Items<T> items;
    private final WaiterQueue<T> getters = new WaiterQueue<>(this::getterCancelledWithItem);
    private final WaiterQueue<Void> putters = new WaiterQueue<>(this::putterCancelledAfterPut);
    private final Event finished = new Event();
    private int unfinishedTasks;
    private boolean shutDown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; 0 or less means unbounded. */
    public Queue(int maxsize) {
        this(maxsize, new DequeItems<>(false));
    }

    /** A queue keeping its items in {@code items}, for the subclasses. */
    Queue(int maxsize, Items<T> items) {
        this.maxsize = maxsize;
        this.items = items;
        finished.set();
    }

    /** The number of items in the queue [Python: {@code qsize()}]. */
    public int size() {
        return items.size();
    }

    /** The maximum number of items, 0 if unbounded. */
    public int maxsize() {
        return Math.max(maxsize, 0);
    }

    /** Whether the queue holds no item. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether the queue holds {@code maxsize} items. */
    public boolean isFull() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /**
     * Adds {@code item} without waiting; throws {@link QueueFullException} if the queue is full,
     * {@link QueueShutDownException} if it was shut down [Python: {@code put_nowait}].
     */
    public void putNowait(T item) {
        Arguments.notNull(item, "Queue.putNowait: the item");
        checkNotShutDown();
        if (isFull()) {
            throw new QueueFullException();
        }
        enqueue(item);
    }

    /**
     * A future done once {@code item} is in the queue; done at once if there is room and no putter
     * waits. Throws {@link QueueShutDownException} if the queue was shut down; a put still waiting
     * when it is shut down fails with it.
     */
    public Future<Void> put(T item) {
        Arguments.notNull(item, "Queue.put: the item");
        checkNotShutDown();
        EventLoop loop = EventLoop.current();
        if (!isFull() && putters.isEmpty()) {
            enqueue(item);
            return Future.completed(loop, null);
        }
        return putters.add(loop, item);
    }

    /**
     * Removes and returns the first item; throws {@link QueueEmptyException} if there is none, or
     * {@link QueueShutDownException} if there is none and the queue was shut down [Python: {@code get_nowait}].
     */
    public T getNowait() {
        if (items.isEmpty()) {
            checkNotShutDown();
            throw new QueueEmptyException();
        }
        T item = items.poll();
        admitPutters();
        return item;
    }

    /**
     * A future of the first item, done once there is one. Once the queue is shut down and empty it
     * throws {@link QueueShutDownException}, and a get still waiting fails with it.
     */
    public Future<T> get() {
        EventLoop loop = EventLoop.current();
        if (!items.isEmpty()) {
            return Future.completed(loop, getNowait());
        }
        checkNotShutDown();
        return getters.add(loop, null);
    }

    /** Like {@link #shutdown(boolean) shutdown(false)}: the items left can still be taken. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down [Python 3.13: {@code Queue.shutdown(immediate)}]: from now on puts throw
     * {@link QueueShutDownException}, and gets throw it once the queue is empty; blocked puts and
     * gets fail with it at once. With {@code immediate} the items left are dropped, each counting as
     * done, which may wake {@link #join()}.
     */
    public void shutdown(boolean immediate) {
        shutDown = true;
        if (immediate) {
            while (!items.isEmpty()) {
                items.poll();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        failAll(getters);
        failAll(putters);
    }

    /** Whether {@link #shutdown} was called. */
    public boolean isShutDown() {
        return shutDown;
    }

    /** Marks one item taken from the queue as processed; throws {@link InvalidStateException} if none is unfinished. */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new InvalidStateException("taskDone() called too many times");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /** A future done once every item put in the queue has been marked with {@link #taskDone()}. */
    public Future<Void> join() {
        if (unfinishedTasks > 0) {
            return finished.await();
        }
        return Future.completed(EventLoop.current(), null);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<maxsize=" + maxsize() + " size=" + items.size() + " unfinished=" + unfinishedTasks
                + (getters.isEmpty() ? "" : " getters=" + getters.size())
                + (putters.isEmpty() ? "" : " putters=" + putters.size()) + ">";
    }

    private void checkNotShutDown() {
        if (shutDown) {
            throw new QueueShutDownException();
        }
    }

    private static <W> void failAll(WaiterQueue<W> waiters) {
        Waiter<W> waiter;
        while ((waiter = waiters.poll()) != null) {
            waiter.fail(new QueueShutDownException());
        }
    }

    private void enqueue(T item) {
        unfinishedTasks++;
        finished.clear();
        Waiter<T> getter = getters.poll();
        if (getter != null) {
            getter.complete(item);
        } else {
            items.add(item);
        }
    }

    @SuppressWarnings("unchecked")
    private void admitPutters() {
        while (!isFull()) {
            Waiter<Void> putter = putters.poll();
            if (putter == null) {
                return;
            }
            enqueue((T) putter.payload());
            putter.complete(null);
        }
    }

    private void getterCancelledWithItem(Waiter<T> getter) {
        T item = getter.result();
        Waiter<T> next = getters.poll();
        if (next != null) {
            next.complete(item);
        } else {
            items.putBack(item);
        }
    }

    private void putterCancelledAfterPut(Waiter<Void> putter) {
        if (items.removeIdentical(putter.payload())) {
            taskDone();
            admitPutters();
        }
    }

    /** Where a queue keeps its items: the order {@link #poll()} takes them in is the queue's kind. */
    abstract static class Items<T> {
        abstract void add(T item);

        /** Removes and returns the next item, or null if there is none. */
        abstract T poll();

        /** Puts back {@code item}, which {@link #poll()} just returned, so that it comes out next again. */
        abstract void putBack(T item);

        abstract int size();

        abstract Iterator<T> iterator();

        final boolean isEmpty() {
            return size() == 0;
        }

        /** Removes {@code item} itself (not an equal one); false if it is not there. */
        final boolean removeIdentical(Object item) {
            for (Iterator<T> it = iterator(); it.hasNext(); ) {
                if (it.next() == item) {
                    it.remove();
                    return true;
                }
            }
            return false;
        }
    }

    /** In an {@link ArrayDeque}: first in first out, or last in first out for a {@link LifoQueue}. */
    static final class DequeItems<T> extends Items<T> {
        private final ArrayDeque<T> deque = new ArrayDeque<>();
        private final boolean lastInFirstOut;

        DequeItems(boolean lastInFirstOut) {
            this.lastInFirstOut = lastInFirstOut;
        }

        @Override
        void add(T item) {
            deque.addLast(item);
        }

        @Override
        T poll() {
            return lastInFirstOut ? deque.pollLast() : deque.pollFirst();
        }

        @Override
        void putBack(T item) {
            if (lastInFirstOut) {
                deque.addLast(item);
            } else {
                deque.addFirst(item);
            }
        }

        @Override
        int size() {
            return deque.size();
        }

        @Override
        Iterator<T> iterator() {
            return deque.descendingIterator();
        }
    }
}
