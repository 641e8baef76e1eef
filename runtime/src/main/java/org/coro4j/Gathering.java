package org.coro4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The future {@link Asyncio#gather} returns [Python: {@code _GatheringFuture}]: done when every
 * child is, or at the first failure; cancelling it cancels the children.
 */
final class Gathering extends Future<List<Object>> implements Consumer<Future<?>> {
    /** One future per argument; an awaitable passed twice maps to the same future. */
    private final List<Future<?>> children;
    private final boolean returnExceptions;
    /** How many different futures {@link #children} holds. */
    private int distinct;
    private int finished;
    private boolean cancelRequested;

    private Gathering(EventLoop loop, List<Future<?>> children, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.returnExceptions = returnExceptions;
    }

    static Gathering start(EventLoop loop, boolean returnExceptions, List<?> awaitables) {
        int count = awaitables.size();
        List<Future<?>> children = new ArrayList<>(count);
        Gathering gathering = new Gathering(loop, children, returnExceptions);
        if (count == 0) {
            gathering.complete(List.of());
            return gathering;
        }
        Map<Object, Future<?>> byAwaitable = null;
        for (Object awaitable : awaitables) {
            if (byAwaitable == null && !isUnstartedCoroutine(awaitable)) {
                byAwaitable = seen(awaitables, children);
            }
            Future<?> child = byAwaitable == null ? null : byAwaitable.get(awaitable);
            if (child == null) {
                child = Awaitables.toFuture(loop, awaitable);
                if (byAwaitable != null) {
                    byAwaitable.put(awaitable, child);
                }
                gathering.distinct++;
                child.addDoneCallback(gathering);
            }
            children.add(child);
        }
        return gathering;
    }

    /**
     * Whether {@code awaitable} is a coroutine nothing has started: it cannot have appeared earlier
     * in the same call (that would have started it), so it needs no de-duplication.
     */
    private static boolean isUnstartedCoroutine(Object awaitable) {
        return awaitable instanceof Continuation<?> frame && frame.task == null;
    }

    /** The awaitables before the first one that may repeat an earlier one, with their futures. */
    private static Map<Object, Future<?>> seen(List<?> awaitables, List<Future<?>> children) {
        Map<Object, Future<?>> byAwaitable = new IdentityHashMap<>();
        Iterator<?> earlier = awaitables.iterator();
        for (Future<?> child : children) {
            byAwaitable.put(earlier.next(), child);
        }
        return byAwaitable;
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

    /**
     * The done callback on each child. Being the gathering itself, it shows in call graphs as the
     * future awaiting the child [Python: {@code future_add_to_awaited_by}].
     */
    @Override
    public void accept(Future<?> child) {
        childDone(child);
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
