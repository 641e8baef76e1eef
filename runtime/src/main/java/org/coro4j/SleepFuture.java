package org.coro4j;

/** What {@code sleep(seconds)} returns for a positive delay: done when its timer fires; cancelling it cancels the timer. */
final class SleepFuture<T> extends Future<T> {
    private final T value;
    private final TimerHandle timer;

    SleepFuture(EventLoop loop, double seconds, T value) {
        super(loop);
        this.value = value;
        this.timer = loop.callLater(seconds, this::wakeUp);
    }

    @Override
    public boolean cancel(String message) {
        if (!cancelFuture(message)) {
            return false;
        }
        timer.cancel();
        return true;
    }

    private void wakeUp() {
        if (!isDone()) {
            complete(value);
        }
    }
}
