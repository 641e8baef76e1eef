package org.coro4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The future {@link Asyncio#wait} returns [Python: {@code asyncio.wait}]: done when the
 * {@link ReturnWhen} condition holds or the timeout passes; it never fails on timeout. Cancelling it
 * leaves the watched futures alone. As in asyncio, the futures are sorted into done and pending
 * when the result is first retrieved (when the waiting task resumes), not when the condition held.
 */
final class Waiting<T> extends Future<WaitResult<T>> {
    private final List<Future<T>> watched;
    private final ReturnWhen returnWhen;
    private final Consumer<Future<T>> onCompletion = this::watchedDone;
    private int remaining;
    private TimerHandle timeout;
    private WaitResult<T> partition;

    private Waiting(EventLoop loop, List<Future<T>> watched, ReturnWhen returnWhen) {
        super(loop);
        this.watched = watched;
        this.returnWhen = returnWhen;
        this.remaining = watched.size();
    }

    static <T> Waiting<T> start(EventLoop loop, Collection<? extends Future<T>> futures, ReturnWhen returnWhen, double timeoutSeconds) {
        Arguments.notNull(futures, "wait: the futures");
        Arguments.delay(timeoutSeconds, "wait");
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        if (returnWhen == null) {
            throw new IllegalArgumentException("returnWhen must not be null");
        }
        List<Future<T>> distinct = new ArrayList<>(new LinkedHashSet<>(futures));
        for (Future<T> future : distinct) {
            Awaitables.toFuture(loop, future);
        }
        Waiting<T> waiting = new Waiting<>(loop, distinct, returnWhen);
        if (timeoutSeconds != Double.POSITIVE_INFINITY) {
            waiting.timeout = loop.callLater(timeoutSeconds, waiting::finish);
        }
        for (Future<T> future : distinct) {
            future.addDoneCallback(waiting.onCompletion);
        }
        return waiting;
    }

    @Override
    public boolean cancel(String message) {
        if (!cancelFuture(message)) {
            return false;
        }
        stopWatching();
        return true;
    }

    private void watchedDone(Future<T> future) {
        remaining--;
        if (remaining <= 0
                || returnWhen == ReturnWhen.FIRST_COMPLETED
                || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !future.isCancelled() && future.exception() != null)) {
            finish();
        }
    }

    private void finish() {
        if (isDone()) {
            return;
        }
        stopWatching();
        complete(null);
    }

    @Override
    public WaitResult<T> result() {
        super.result();
        if (partition == null) {
            Set<Future<T>> done = new LinkedHashSet<>();
            Set<Future<T>> pending = new LinkedHashSet<>();
            for (Future<T> future : watched) {
                (future.isDone() ? done : pending).add(future);
            }
            partition = new WaitResult<>(Collections.unmodifiableSet(done), Collections.unmodifiableSet(pending));
        }
        return partition;
    }

    private void stopWatching() {
        if (timeout != null) {
            timeout.cancel();
        }
        for (Future<T> future : watched) {
            future.removeDoneCallback(onCompletion);
        }
    }
}
