package org.coro4j.examples;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.coro4j.StreamWriter;

/**
 * The RESP2 replies of one connection, gathered while more commands are already read and sent
 * with one {@link StreamWriter#write} by {@link #flush()}. Bulk values of at least
 * {@link #DIRECT_VALUE} bytes are not copied: what is gathered goes out, then the value's own array.
 */
final class ReplyWriter {
    /** Values from this size on are written from their own array instead of being copied. */
    static final int DIRECT_VALUE = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final StreamWriter writer;
    private byte[] bytes = new byte[4096];
    /** A view of {@link #bytes} to write from, rewrapped only when the array is replaced. */
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private int size;
    /** Bytes handed to the writer since {@link #drained()}. */
    private long written;

    ReplyWriter(StreamWriter writer) {
        this.writer = writer;
    }

    /** The number of bytes gathered and not yet written. */
    int pending() {
        return size;
    }

    /** Writes what was gathered, if anything (the writer copies what the socket does not take at once). */
    void flush() {
        if (size > 0) {
            writer.write(view.limit(size).position(0));
            written += size;
            size = 0;
        }
    }

    /** The bytes handed to the writer since the last {@link #drained()}: a bound on what it may still buffer. */
    long writtenSinceDrain() {
        return written;
    }

    /** Records that the writer was drained. */
    void drained() {
        written = 0;
    }

    /** A reply that is always the same bytes ({@code +OK\r\n}...). */
    void constant(byte[] reply) {
        append(reply, 0, reply.length);
    }

    /** {@code -message\r\n}. */
    void error(String message) {
        append((byte) '-');
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        append(text, 0, text.length);
        append(CRLF, 0, 2);
    }

    /** {@code :value\r\n}. */
    void integer(long value) {
        append((byte) ':');
        decimal(value);
        append(CRLF, 0, 2);
    }

    /** {@code $length\r\n} and the value, which ends with its {@code \r\n} already. */
    void bulk(byte[] valueAndCrlf) {
        append((byte) '$');
        decimal(valueAndCrlf.length - 2);
        append(CRLF, 0, 2);
        if (valueAndCrlf.length >= DIRECT_VALUE) {
            flush();
            writer.write(valueAndCrlf);
            written += valueAndCrlf.length;
        } else {
            append(valueAndCrlf, 0, valueAndCrlf.length);
        }
    }

    private void decimal(long value) {
        if (value >= 0 && value < 10) {
            append((byte) ('0' + value));
        } else {
            byte[] digits = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            append(digits, 0, digits.length);
        }
    }

    private void grow(int needed) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, needed));
        view = ByteBuffer.wrap(bytes);
    }

    private void append(byte b) {
        if (size == bytes.length) {
            grow(size + 1);
        }
        bytes[size++] = b;
    }

    private void append(byte[] data, int from, int length) {
        if (size + length > bytes.length) {
            grow(size + length);
        }
        System.arraycopy(data, from, bytes, size, length);
        size += length;
    }
}
