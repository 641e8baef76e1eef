package org.coro4j;

import java.util.Comparator;
import java.util.Iterator;

/**
 * A queue that hands out its smallest item first [Python: {@code asyncio.PriorityQueue}]: in
 * natural order, or in the order of the {@link Comparator} given to the constructor. Waiting
 * getters and putters are still served first in, first out.
 *
 * @param <T> the item type
 */
public class PriorityQueue<T> extends Queue<T> {

    /** An unbounded queue in natural order; the items must be {@link Comparable}. */
    public PriorityQueue() {
        this(0);
    }

    /** A queue in natural order holding at most {@code maxsize} items; 0 or less means unbounded. */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /** A queue in {@code comparator}'s order (natural order if null) holding at most {@code maxsize} items. */
    public PriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize, new Heap<>(comparator));
    }

    /** Smallest first. */
    private static final class Heap<T> extends Items<T> {
        private final java.util.PriorityQueue<T> heap;

        Heap(Comparator<? super T> comparator) {
            heap = new java.util.PriorityQueue<>(comparator);
        }

        @Override
        void add(T item) {
            heap.add(item);
        }

        @Override
        T poll() {
            return heap.poll();
        }

        @Override
        void putBack(T item) {
            heap.add(item);
        }

        @Override
        int size() {
            return heap.size();
        }

        @Override
        Iterator<T> iterator() {
            return heap.iterator();
        }
    }
}
