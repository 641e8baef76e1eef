package org.coro4j;

import java.util.function.Consumer;

/** A future's done callback on its way through the ready queue: one allocation, no lambda. */
final class DoneCallback<T> extends Handle {
    private final Consumer<? super Future<T>> callback;
    private final Future<T> future;

    DoneCallback(Consumer<? super Future<T>> callback, Future<T> future) {
        super(null);
        this.callback = callback;
        this.future = future;
    }

    @Override
    void run() {
        callback.accept(future);
    }

    @Override
    public String toString() {
        return "DoneCallback<" + callback + " for " + future + ">";
    }
}
