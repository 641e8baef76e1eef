package org.coro4j;

/**
 * What {@code sleep(0)} returns: a future completed on the loop's next iteration. A task awaiting
 * it is rescheduled directly, behind everything already queued, as asyncio's bare {@code yield}
 * does, rather than through a done callback one iteration later.
 */
final class YieldFuture<T> extends Future<T> {

    YieldFuture(EventLoop loop, T result) {
        super(loop);
        loop.callSoon(() -> {
            if (!isDone()) {
                complete(result);
            }
        });
    }
}
