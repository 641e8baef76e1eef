package org.coro4j;

/**
 * The loop's queue of what is due, first in first out [Python: the loop's {@code _ready} deque]. It
 * holds its items in chunks of {@value #CHUNK} slots linked through their last slot, so it never
 * copies what it holds, never allocates an array large enough to be costly to collect, and lets
 * go of each chunk once it has been run through (keeping one spare, so a loop that queues and runs
 * at a steady pace allocates nothing).
 */
final class ReadyQueue {
    /** Items per chunk; slot {@code CHUNK} of a chunk holds the next chunk. */
    private static final int CHUNK = 1024;

    private Object[] head = new Object[CHUNK + 1];
    private int headIndex;
    private Object[] tail = head;
    private int tailIndex;
    /** An emptied chunk kept for the next one needed, or null. */
    private Object[] spare;
    private int size;

    void add(Object item) {
        if (tailIndex == CHUNK) {
            appendChunk();
        }
        tail[tailIndex++] = item;
        size++;
    }

    /** Links a new last chunk, the spare if there is one; kept out of {@link #add} so that add stays small enough to inline. */
    private void appendChunk() {
        Object[] next = spare != null ? spare : new Object[CHUNK + 1];
        spare = null;
        tail[CHUNK] = next;
        tail = next;
        tailIndex = 0;
    }

    /** Removes and returns the item queued first, or null if there is none. */
    Object poll() {
        if (size == 0) {
            return null;
        }
        if (headIndex == CHUNK) {
            dropFirstChunk();
        }
        Object item = head[headIndex];
        head[headIndex++] = null;
        if (--size == 0) {
            headIndex = 0;
            tailIndex = 0;
        }
        return item;
    }

    /** Moves on to the next chunk, keeping the emptied one as the spare. */
    private void dropFirstChunk() {
        Object[] emptied = head;
        head = (Object[]) emptied[CHUNK];
        emptied[CHUNK] = null;
        spare = emptied;
        headIndex = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void clear() {
        while (size > 0) {
            poll();
        }
    }
}
