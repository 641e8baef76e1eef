package org.coro4j;

import java.util.function.BooleanSupplier;

/**
 * What {@link Condition#waitFor} returns: waits on the condition until the predicate holds, checking
 * it after each wake-up with the lock held again [Python: the loop of {@code Condition.wait_for}].
 * Cancelling it cancels the current wait, which re-acquires the lock first.
 */
final class ConditionPredicateWait extends Future<Void> {
    private final Condition condition;
    private final BooleanSupplier predicate;
    private Future<Void> wait;

    ConditionPredicateWait(EventLoop loop, Condition condition, BooleanSupplier predicate) {
        super(loop);
        this.condition = condition;
        this.predicate = predicate;
        waitAgain();
    }

    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        return wait.cancel(message);
    }

    @Override
    void resultDiscarded() {
        condition.wake(1);
    }

    private void waitAgain() {
        wait = condition.await();
        wait.addDoneCallback(this::woken);
    }

    private void woken(Future<Void> done) {
        if (done.isCancelled() || done.exception() != null) {
            completeLike(done);
            return;
        }
        boolean holds;
        try {
            holds = predicate.getAsBoolean();
        } catch (Throwable e) {
            fail(e);
            return;
        }
        if (holds) {
            complete(null);
        } else {
            waitAgain();
        }
    }
}
