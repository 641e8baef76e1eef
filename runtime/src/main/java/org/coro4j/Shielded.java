package org.coro4j;

/**
 * The future {@link Asyncio#shield} returns [Python: the outer future of {@code asyncio.shield}]:
 * completes like the inner future, but cancelling it leaves the inner one running.
 */
final class Shielded<T> extends Future<T> {
    private Shielded(EventLoop loop) {
        super(loop);
    }

    static <T> Future<T> start(EventLoop loop, Object awaitable) {
        Future<T> inner = Awaitables.toFuture(loop, awaitable);
        if (inner.isDone()) {
            return inner;
        }
        Shielded<T> outer = new Shielded<>(loop);
        inner.addDoneCallback(AwaitingCallback.of(outer, outer::innerDone));
        return outer;
    }

    private void innerDone(Future<T> done) {
        if (isCancelled()) {
            if (!done.isCancelled()) {
                done.exception();
            }
            return;
        }
        completeLike(done);
    }
}
