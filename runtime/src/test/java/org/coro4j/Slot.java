package org.coro4j;

/** A value one step of a test script sets and a later one reads. */
final class Slot<T> {
    private T value;

    @SuppressWarnings("unchecked")
    void set(Object v) {
        value = (T) v;
    }

    T get() {
        return value;
    }
}
