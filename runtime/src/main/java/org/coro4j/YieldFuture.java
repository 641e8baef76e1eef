package org.coro4j;

/**
 * What {@code sleep(0)} returns [Python: the bare {@code yield} inside {@code asyncio.sleep(0)}]. A
 * task awaiting it is queued again directly, behind everything already ready, and resumes with the
 * value. Only when something else watches it (a done callback, {@code gather}, ...) does it
 * schedule its own completion on the next iteration. The value is null unless {@link Carrying}
 * one, so that the common {@code sleep(0)} is a 24-byte object.
 */
class YieldFuture<T> extends Future<T> {
    /**
     * What {@code Await.on(sleep(0))} awaits where nothing else can see the future sleep would
     * return ({@link Continuation#sleepAwaited}): one yield for every loop, on none of them, never
     * done and never watched, since only the tasks that await it ever hold it, and each is queued
     * again by whoever ran the step that awaited it ({@link Task#suspendOn}).
     */
    static final YieldFuture<Void> UNSEEN = new YieldFuture<>(null);

    private boolean completionScheduled;

    YieldFuture(EventLoop loop) {
        super(loop);
    }

    /** A yield with a value, or null. */
    static <T> YieldFuture<T> of(EventLoop loop, T value) {
        return value == null ? new YieldFuture<>(loop) : new Carrying<>(loop, value);
    }

    /** The value the yield delivers. */
    T value() {
        return null;
    }

    @Override
    final void watchedFromNowOn() {
        if (!completionScheduled && !isDone()) {
            completionScheduled = true;
            loop().callSoon(() -> {
                if (!isDone()) {
                    complete(value());
                }
            });
        }
    }

    @Override
    final Object resultForAwait() {
        return isDone() ? result() : value();
    }

    /** {@code sleep(0, value)} with a value that is not null. */
    private static final class Carrying<T> extends YieldFuture<T> {
        private final T value;

        Carrying(EventLoop loop, T value) {
            super(loop);
            this.value = value;
        }

        @Override
        T value() {
            return value;
        }
    }
}
