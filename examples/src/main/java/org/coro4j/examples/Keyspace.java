package org.coro4j.examples;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The keys and values of a {@link MiniRedis}, shared by all its connections (they all run on the
 * loop thread, so a plain map is enough). Keys and values are kept as the arrays the reader
 * returned for them, each ending with the two bytes {@code \r\n} of its RESP bulk string: a value
 * is stored without a copy and sent back as it is.
 */
final class Keyspace {
    private final HashMap<Key, byte[]> values = new HashMap<>();

    /** The value of {@code key} (ending with {@code \r\n}), or null. */
    byte[] get(byte[] key) {
        return values.get(new Key(key));
    }

    /** Sets {@code key} to {@code value}, both ending with {@code \r\n}. */
    void set(byte[] key, byte[] value) {
        values.put(new Key(key), value);
    }

    /** Removes {@code key}; true if it was there. */
    boolean delete(byte[] key) {
        return values.remove(new Key(key)) != null;
    }

    boolean exists(byte[] key) {
        return values.containsKey(new Key(key));
    }

    /** A key's bytes without their final {@code \r\n}, compared by content. */
    private static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            int h = 1;
            for (int i = 0, n = bytes.length - 2; i < n; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key
                    && Arrays.equals(bytes, 0, bytes.length - 2, ((Key) other).bytes, 0, ((Key) other).bytes.length - 2);
        }
    }
}
