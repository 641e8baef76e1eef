package org.coro4j;

/**
 * The future {@link Asyncio#waitFor} returns [Python: {@code asyncio.wait_for}]. At the deadline it
 * cancels the inner future and, once the inner is done, fails with {@link AsyncTimeoutException} if
 * the inner was cancelled; if the inner suppressed the cancellation, its outcome is this future's.
 * Cancelling this future cancels the inner one and waits for it too.
 */
final class WaitingFor<T> extends Future<T> {
    private final Future<T> inner;
    private TimerHandle deadline;
    private boolean timedOut;
    private boolean cancelRequested;
    private String cancelRequestMessage;

    private WaitingFor(EventLoop loop, Future<T> inner) {
        super(loop);
        this.inner = inner;
    }

    static <T> Future<T> start(EventLoop loop, Object awaitable, double seconds) {
        Arguments.delay(seconds, "waitFor");
        Future<T> inner = Awaitables.toFuture(loop, awaitable);
        WaitingFor<T> waitingFor = new WaitingFor<>(loop, inner);
        if (inner.isDone()) {
            waitingFor.completeLike(inner);
            return waitingFor;
        }
        if (seconds <= 0) {
            waitingFor.expire();
        } else if (seconds != Double.POSITIVE_INFINITY) {
            waitingFor.deadline = loop.callLater(seconds, waitingFor::expire);
        }
        inner.addDoneCallback(waitingFor::innerDone);
        return waitingFor;
    }

    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        if (!cancelRequested) {
            cancelRequested = true;
            cancelRequestMessage = message;
            inner.cancel(message);
        }
        return true;
    }

    @Override
    void resultDiscarded() {
        inner.resultDiscarded();
    }

    private void expire() {
        deadline = null;
        timedOut = true;
        inner.cancel();
    }

    private void innerDone(Future<T> done) {
        if (deadline != null) {
            deadline.cancel();
        }
        if (isDone()) {
            return;
        }
        if (done.isCancelled() && cancelRequested) {
            cancelFuture(cancelRequestMessage);
        } else if (done.isCancelled() && timedOut) {
            AsyncTimeoutException timeout = new AsyncTimeoutException("waitFor: timed out waiting for " + inner);
            timeout.initCause(done.newCancelledException());
            fail(timeout);
        } else {
            completeLike(done);
        }
    }
}
