package org.coro4j;

/** A coroutine that has its result already: what {@link Coroutine#of} returns. */
final class CompletedCoroutine<T> extends Continuation<T> {
    private final T value;

    CompletedCoroutine(T value) {
        this.value = value;
    }

    @Override
    protected Object invokeBody() {
        return value;
    }
}
