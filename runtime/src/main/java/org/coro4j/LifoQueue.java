package org.coro4j;

/**
 * A queue that hands out the most recently added item first [Python: {@code asyncio.LifoQueue}].
 * Waiting getters and putters are still served first in, first out.
 *
 * @param <T> the item type
 */
public class LifoQueue<T> extends Queue<T> {

    /** An unbounded queue. */
    public LifoQueue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; 0 or less means unbounded. */
    public LifoQueue(int maxsize) {
        super(maxsize, new DequeItems<>(true));
    }
}
