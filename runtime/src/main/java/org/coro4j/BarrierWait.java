package org.coro4j;

/**
 * What {@link Barrier#await()} returns to a task that has to wait: its arrival, done with the
 * arrival index once it passes the barrier [Python: a task suspended in {@code Barrier.wait()}].
 * When the barrier wakes it, the task takes its outcome as it resumes, from the state the barrier
 * is in then, as in asyncio: the task awaiting it is queued at once and the outcome is decided in
 * its {@link #resultForAwait()}. A future that some other future or callback watches instead is
 * decided in a callback queued at that point. Cancelling it makes the task leave the barrier.
 */
final class BarrierWait extends Future<Integer> {
    private final Barrier barrier;
    /** The task that arrived, which usually awaits this future; null if none ran. */
    private final Task<?> arriving;
    /** The arrival index; -1 while held back, before the task has entered a round. */
    private int index = -1;
    private boolean woken;

    BarrierWait(EventLoop loop, Barrier barrier, Task<?> arriving) {
        super(loop);
        this.barrier = barrier;
        this.arriving = arriving;
    }

    void entered(int arrivalIndex) {
        index = arrivalIndex;
    }

    boolean hasEntered() {
        return index >= 0;
    }

    int index() {
        return index;
    }

    /** The barrier left filling: the task is to resume and pass, or fail, as the barrier is then. */
    void woken() {
        woken = true;
        if (arriving != null && arriving.suspendedOn() == this && detachSoleWatcher(arriving)) {
            arriving.onWatchedDone(this);
        } else {
            loop().callSoon(this::passIfPending);
        }
    }

    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        barrier.leaveCancelled(this);
        return cancelFuture(message);
    }

    @Override
    Object resultForAwait() {
        passIfPending();
        return super.resultForAwait();
    }

    @Override
    void resultDiscarded() {
        if (!isDone()) {
            barrier.leaveCancelled(this);
            cancelFuture(null);
        }
    }

    private void passIfPending() {
        if (woken && !isDone()) {
            barrier.pass(this);
        }
    }
}
