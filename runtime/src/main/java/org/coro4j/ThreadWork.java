package org.coro4j;

import java.util.concurrent.Callable;

/** The future {@link Asyncio#toThread} returns: completed on the loop thread when the work ends on its worker. */
final class ThreadWork<T> extends Future<T> {
    private java.util.concurrent.Future<?> submitted;

    private ThreadWork(EventLoop loop) {
        super(loop);
    }

    static <T> Future<T> start(EventLoop loop, Callable<T> work) {
        ThreadWork<T> future = new ThreadWork<>(loop);
        future.submitted = loop.workers().submit(() -> future.runOnWorker(work));
        return future;
    }

    @Override
    public boolean cancel(String message) {
        if (!cancelFuture(message)) {
            return false;
        }
        submitted.cancel(false);
        return true;
    }

    private void runOnWorker(Callable<T> work) {
        T value;
        try {
            value = work.call();
        } catch (Throwable e) {
            deliver(() -> fail(e));
            return;
        }
        deliver(() -> complete(value));
    }

    private void deliver(Runnable completion) {
        try {
            loop().callSoonThreadsafe(() -> {
                if (!isDone()) {
                    completion.run();
                }
            });
        } catch (AsyncUsageException closed) {
            // the loop closed while the work ran: nobody is left to receive the outcome
        }
    }
}
