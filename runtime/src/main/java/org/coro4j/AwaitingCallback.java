package org.coro4j;

import java.util.function.Consumer;

/**
 * A done callback through which another future waits for the one it is registered on, so that call
 * graphs can show who awaits what [Python: {@code asyncio.future_add_to_awaited_by}]. A task
 * suspended on a future, or a future that is its own done callback (a gathering), is registered as
 * itself and needs no such callback.
 */
interface AwaitingCallback {

    /** The future that waits; null while there is none yet. */
    Future<?> awaitingFuture();

    /** {@code action}, marked as the callback through which {@code awaiting} waits. */
    static <F> Consumer<F> of(Future<?> awaiting, Consumer<F> action) {
        return new Marked<>(awaiting, action);
    }

    /** A callback of {@link #of}. */
    final class Marked<F> implements Consumer<F>, AwaitingCallback {
        private final Future<?> awaiting;
        private final Consumer<F> action;

        Marked(Future<?> awaiting, Consumer<F> action) {
            this.awaiting = awaiting;
            this.action = action;
        }

        @Override
        public void accept(F future) {
            action.accept(future);
        }

        @Override
        public Future<?> awaitingFuture() {
            return awaiting;
        }
    }
}
