package org.coro4j;

/**
 * What {@link Condition#await()} returns: waits to be signalled, then for the lock. Cancelling it
 * stops the wait for a signal but still re-acquires the lock before the cancellation is delivered,
 * as {@code asyncio.Condition.wait()} does; a signal that reached a cancelled waiter is passed on.
 */
final class ConditionWait extends Future<Void> {
    private final Condition condition;
    private boolean signalled;
    private boolean reacquiring;
    private boolean cancelRequested;
    private String cancelRequestMessage;

    ConditionWait(EventLoop loop, Condition condition) {
        super(loop);
        this.condition = condition;
    }

    void signalled() {
        signalled = true;
        reacquire();
    }

    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        if (!cancelRequested) {
            cancelRequested = true;
            cancelRequestMessage = message;
            if (!reacquiring) {
                condition.remove(this);
                reacquire();
            }
        }
        return true;
    }

    @Override
    void resultDiscarded() {
        condition.wake(1);
    }

    private void reacquire() {
        reacquiring = true;
        condition.lock().acquire().addDoneCallback(granted -> lockReacquired());
    }

    private void lockReacquired() {
        if (!cancelRequested) {
            complete(null);
            return;
        }
        if (signalled) {
            condition.wake(1);
        }
        cancelFuture(cancelRequestMessage);
    }
}
