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
 * to be left.
 *
 * @param <T> the item type
 */
public class Queue<T> {
    private final int maxsize;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final WaiterQueue<T> getters = new WaiterQueue<>(this::getterCancelledWithItem);
    private final WaiterQueue<Void> putters = new WaiterQueue<>(this::putterCancelledAfterPut);
    private final Event finished = new Event();
    private int unfinishedTasks;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; 0 or less means unbounded. */
    public Queue(int maxsize) {
        this.maxsize = maxsize;
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

    /** Adds {@code item} without waiting; throws {@link QueueFullException} if the queue is full [Python: {@code put_nowait}]. */
    public void putNowait(T item) {
        Arguments.notNull(item, "Queue.putNowait: the item");
        if (isFull()) {
            throw new QueueFullException();
        }
        enqueue(item);
    }

    /** A future done once {@code item} is in the queue; done at once if there is room and no putter waits. */
    public Future<Void> put(T item) {
        Arguments.notNull(item, "Queue.put: the item");
        EventLoop loop = EventLoop.current();
        if (!isFull() && putters.isEmpty()) {
            enqueue(item);
            return Future.completed(loop, null);
        }
        return putters.add(loop, item);
    }

    /** Removes and returns the first item; throws {@link QueueEmptyException} if there is none [Python: {@code get_nowait}]. */
    public T getNowait() {
        if (items.isEmpty()) {
            throw new QueueEmptyException();
        }
        T item = items.poll();
        admitPutters();
        return item;
    }

    /** A future of the first item, done once there is one. */
    public Future<T> get() {
        EventLoop loop = EventLoop.current();
        if (!items.isEmpty()) {
            return Future.completed(loop, getNowait());
        }
        return getters.add(loop, null);
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
        return "Queue<maxsize=" + maxsize() + " size=" + items.size() + " unfinished=" + unfinishedTasks
                + (getters.isEmpty() ? "" : " getters=" + getters.size())
                + (putters.isEmpty() ? "" : " putters=" + putters.size()) + ">";
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
            items.addFirst(item);
        }
    }

    private void putterCancelledAfterPut(Waiter<Void> putter) {
        for (Iterator<T> it = items.descendingIterator(); it.hasNext(); ) {
            if (it.next() == putter.payload()) {
                it.remove();
                taskDone();
                admitPutters();
                return;
            }
        }
    }
}
