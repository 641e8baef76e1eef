package org.coro4j;

/**
 * What {@code sleep(0)} returns [Python: the bare {@code yield} inside {@code asyncio.sleep(0)}]. A
 * task awaiting it is queued again directly, behind everything already ready, and resumes with the
 * value. Only when something else watches it (a done callback, {@code gather}, ...) does it
 * schedule its own completion on the next iteration.
 */
final class YieldFuture<T> extends Future<T> {
    private final T value;
    private boolean completionScheduled;

    YieldFuture(EventLoop loop, T value) {
        super(loop);
        this.value = value;
    }

    @Override
    void watchedFromNowOn() {
        if (!completionScheduled && !isDone()) {
            completionScheduled = true;
            loop().callSoon(() -> {
                if (!isDone()) {
                    complete(value);
                }
            });
        }
    }

    @Override
    Object resultForAwait() {
        return isDone() ? result() : value;
    }
}
