package org.coro4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The future {@link Asyncio#gather} returns [Python: {@code _GatheringFuture}]: done when every
 * child is, or at the first failure; cancelling it cancels the children.
 */
final class Gathering extends Future<List<Object>> {
    private final List<Future<?>> children;
    private final boolean returnExceptions;
    private final Object[] results;
    private int finished;
    private boolean cancelRequested;

    private Gathering(EventLoop loop, List<Future<?>> children, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.returnExceptions = returnExceptions;
        this.results = new Object[children.size()];
    }

    static Gathering start(EventLoop loop, boolean returnExceptions, List<?> awaitables) {
        List<Future<?>> children = new ArrayList<>(awaitables.size());
        for (Object awaitable : awaitables) {
            children.add(toFuture(loop, awaitable));
        }
        Gathering gathering = new Gathering(loop, children, returnExceptions);
        if (children.isEmpty()) {
            gathering.complete(List.of());
            return gathering;
        }
        for (int i = 0; i < children.size(); i++) {
            int index = i;
            children.get(i).addDoneCallback(child -> gathering.childDone(index, child));
        }
        return gathering;
    }

    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            if (child.cancel(message)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    private void childDone(int index, Future<?> child) {
        finished++;
        if (isDone()) {
            if (!child.isCancelled()) {
                child.exception();
            }
            return;
        }
        if (!returnExceptions) {
            if (child.isCancelled()) {
                fail(child.newCancelledException());
                return;
            }
            Throwable error = child.exception();
            if (error != null) {
                fail(error);
                return;
            }
        }
        if (child.isCancelled()) {
            results[index] = child.newCancelledException();
        } else {
            Throwable error = child.exception();
            results[index] = error != null ? error : child.result();
        }
        if (finished == children.size()) {
            if (cancelRequested) {
                cancelFuture(null);
            } else {
                complete(Arrays.asList(results));
            }
        }
    }

    private static Future<?> toFuture(EventLoop loop, Object awaitable) {
        if (awaitable instanceof Future<?> future) {
            return future;
        }
        if (awaitable instanceof Coroutine<?> coroutine) {
            return loop.createTask(coroutine);
        }
        throw new IllegalArgumentException("gather accepts coroutines and futures, not " + awaitable);
    }
}
