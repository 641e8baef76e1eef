package org.coro4j;

/**
 * The future that stands for a {@link java.util.concurrent.Future} (such as a
 * {@code CompletableFuture}) being awaited: cancelling it, as cancelling the awaiting task or a
 * {@code waitFor} timeout does, cancels the source too [Python: the future {@code asyncio.wrap_future}
 * chains to a {@code concurrent.futures.Future}].
 */
final class CancellingFuture<T> extends Future<T> {
    private final java.util.concurrent.Future<?> source;

    CancellingFuture(EventLoop loop, java.util.concurrent.Future<?> source) {
        super(loop);
        this.source = source;
    }

    @Override
    public boolean cancel(String message) {
        if (!cancelFuture(message)) {
            return false;
        }
        try {
            source.cancel(true);
        } catch (UnsupportedOperationException refused) {
            // a stage that cannot be cancelled (a minimal completion stage): only the awaiting side stops
        }
        return true;
    }
}
