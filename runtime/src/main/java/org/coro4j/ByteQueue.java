package org.coro4j;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Bytes appended at the tail and taken from the head, in one array that is reused: it is compacted
 * or grown only when an append does not fit. The buffers of {@link StreamReader} and {@link SocketTransport}.
 */
final class ByteQueue {
    private static final byte[] EMPTY = new byte[0];

    /** The queued bytes are {@code array[head, tail)}. */
    private byte[] array = EMPTY;
    private int head;
    private int tail;
    /** A view of {@link #array} handed to channels, rewrapped only when the array is replaced. */
    private ByteBuffer view = ByteBuffer.wrap(array);

    int size() {
        return tail - head;
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** Appends the remaining bytes of {@code data}, consuming them. */
    void append(ByteBuffer data) {
        int count = data.remaining();
        makeRoom(count);
        data.get(array, tail, count);
        tail += count;
    }

    /** Removes and returns the first {@code count} bytes. */
    byte[] take(int count) {
        byte[] taken = Arrays.copyOfRange(array, head, head + count);
        discard(count);
        return taken;
    }

    /** Removes the first {@code count} bytes. */
    void discard(int count) {
        head += count;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /** Removes everything. */
    void clear() {
        head = 0;
        tail = 0;
    }

    /** Puts {@code bytes} back in front of the queued ones. */
    void prepend(byte[] bytes) {
        int count = bytes.length;
        if (head < count) {
            int size = size();
            byte[] target = array.length >= size + count ? array : new byte[size + count];
            System.arraycopy(array, head, target, count, size);
            replace(target);
            head = count;
            tail = count + size;
        }
        head -= count;
        System.arraycopy(bytes, 0, array, head, count);
    }

    /** Where {@code separator} starts at or after offset {@code from} of the queued bytes, or -1. */
    int indexOf(byte[] separator, int from) {
        int last = tail - separator.length;
        byte first = separator[0];
        for (int i = head + from; i <= last; i++) {
            if (array[i] == first && matchesRest(separator, i)) {
                return i - head;
            }
        }
        return -1;
    }

    /**
     * Whether the bytes after {@code at} are {@code separator}'s after its first. A plain loop:
     * separators are a byte or two, where {@code Arrays.equals} of ranges spends more on its checks
     * than on the comparison.
     */
    private boolean matchesRest(byte[] separator, int at) {
        for (int k = 1; k < separator.length; k++) {
            if (array[at + k] != separator[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code separator} is at offset {@code at} of the queued bytes. */
    boolean startsWith(byte[] separator, int at) {
        return size() >= at + separator.length
                && Arrays.equals(array, head + at, head + at + separator.length, separator, 0, separator.length);
    }

    /** A copy of the queued bytes. */
    byte[] toArray() {
        return Arrays.copyOfRange(array, head, tail);
    }

    /** The queued bytes as a buffer to write from; then {@link #consumed} with what was written. */
    ByteBuffer readable() {
        return view.limit(tail).position(head);
    }

    /** Removes what was taken from the buffer {@link #readable()} returned. */
    void consumed(ByteBuffer written) {
        discard(written.position() - head);
    }

    private void makeRoom(int count) {
        if (array.length - tail >= count) {
            return;
        }
        int size = size();
        if (array.length - size >= count && head > 0) {
            System.arraycopy(array, head, array, 0, size);
        } else {
            byte[] larger = new byte[Math.max(size + count, Math.max(array.length * 2, 1024))];
            System.arraycopy(array, head, larger, 0, size);
            replace(larger);
        }
        head = 0;
        tail = size;
    }

    private void replace(byte[] larger) {
        array = larger;
        view = ByteBuffer.wrap(larger);
    }
}
