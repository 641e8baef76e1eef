package org.coro4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The future {@link Asyncio#gather} returns [Python: {@code _GatheringFuture}]: done when every
 * child is, or at the first failure; cancelling it cancels the children.
 */
final class Gathering extends Future<List<Object>> {
    /** One future per argument; an awaitable passed twice maps to the same future. */
    private final List<Future<?>> children;
    private final boolean returnExceptions;
    private final int distinct;
    private int finished;
    private boolean cancelRequested;

    private Gathering(EventLoop loop, List<Future<?>> children, int distinct, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.distinct = distinct;
        this.returnExceptions = returnExceptions;
    }

    static Gathering start(EventLoop loop, boolean returnExceptions, List<?> awaitables) {
        List<Future<?>> children = new ArrayList<>(awaitables.size());
        Map<Object, Future<?>> byAwaitable = new IdentityHashMap<>();
        for (Object awaitable : awaitables) {
            children.add(byAwaitable.computeIfAbsent(awaitable, a -> Awaitables.toFuture(loop, a)));
        }
        Gathering gathering = new Gathering(loop, children, byAwaitable.size(), returnExceptions);
        if (children.isEmpty()) {
            gathering.complete(List.of());
            return gathering;
        }
        for (Future<?> child : byAwaitable.values()) {
            child.addDoneCallback(gathering::childDone);
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

    private void childDone(Future<?> child) {
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
        if (finished < distinct) {
            return;
        }
        if (cancelRequested) {
            fail(child.newCancelledException());
            return;
        }
        Object[] results = new Object[children.size()];
        for (int i = 0; i < results.length; i++) {
            Future<?> each = children.get(i);
            if (each.isCancelled()) {
                results[i] = each.newCancelledException();
            } else {
                Throwable error = each.exception();
                results[i] = error != null ? error : each.result();
            }
        }
        complete(Arrays.asList(results));
    }
}
