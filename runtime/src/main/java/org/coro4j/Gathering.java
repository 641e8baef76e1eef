package org.coro4j;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The future {@link Asyncio#gather} returns [Python: {@code _GatheringFuture}]: done when every
 * child is, or at the first failure; cancelling it cancels the children.
 *
 * <p>It watches its children ({@link Future#addWatcher}) rather than adding a done callback to
 * each, and counts each child as it finishes; only the children whose callback would do something
 * (one that failed or was cancelled, and the one that finishes last) have {@link #childDone}
 * scheduled on the loop, at the place in the loop's queue where their done callback would have
 * been. The others' callbacks would only have counted, so nothing can tell the difference.
 */
final class Gathering extends Future<List<Object>> {
    /**
     * One future per argument; an awaitable passed twice maps to the same future. Once every child
     * is done, the results in their place: the array becomes the result list, so gathering a
     * million children keeps one array of a million entries, not two.
     */
    private final Object[] children;
    private final boolean returnExceptions;
    /** How many watch registrations were made, one per argument that is not a repeated coroutine; final once started. */
    private int registrations;
    /** How many registrations have reported their child done. */
    private int finished;
    /** The child whose report was the last, once every child is done. */
    private Future<?> last;
    /** Whether {@link #start} has made every registration, so that {@link #registrations} is final. */
    private boolean started;
    /** The child that reported last while {@link #start} ran. */
    private Future<?> lastReported;
    private boolean cancelRequested;
    /** Schedules {@link #childDone} as a done callback of the future it is given. */
    private final Consumer<Future<?>> onChildDone = this::childDone;

    private Gathering(EventLoop loop, Object[] children, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.returnExceptions = returnExceptions;
    }

    /**
     * Gathers {@code awaitables}. A pending future passed again is watched once, as asyncio's
     * {@code arg_to_fut} de-duplicates: this call's watch is still its last registration (only an
     * eagerly started task awaiting it could have registered since; then it is watched twice, which
     * changes nothing but the call graph, as each watch is counted once and reported once, like a
     * done future passed twice). A coroutine passed more than once is wrapped in one task: a started coroutine whose task
     * was created by this very call (its creation number is above the counter's value when the call
     * began) is that repetition. No map is needed.
     */
    static Gathering start(EventLoop loop, boolean returnExceptions, List<?> awaitables) {
        int count = awaitables.size();
        Object[] children = new Object[count];
        Gathering gathering = new Gathering(loop, children, returnExceptions);
        if (count == 0) {
            gathering.complete(List.of());
            return gathering;
        }
        long createdBefore = Task.lastCreationNumber();
        int i = 0;
        for (Object awaitable : awaitables) {
            Future<?> repeated = repeatedCoroutineTask(loop, awaitable, createdBefore);
            if (repeated != null) {
                children[i++] = repeated;
                continue;
            }
            Future<?> child = Awaitables.toFuture(loop, awaitable);
            children[i++] = child;
            if (!child.watchedLastBy(gathering)) {
                gathering.registrations++;
                child.addWatcher(gathering);
            }
        }
        gathering.started = true;
        if (gathering.finished == gathering.registrations) {
            gathering.last = gathering.lastReported;
        }
        return gathering;
    }

    /** The task this call created for {@code awaitable} if it is a coroutine passed earlier in the same call, else null. */
    private static Future<?> repeatedCoroutineTask(EventLoop loop, Object awaitable, long createdBefore) {
        if (awaitable instanceof Continuation<?> frame && frame.task != null && frame.caller() == null) {
            Task<?> task = frame.task;
            if (task.loop() == loop && task.creationNumber() > createdBefore && task.getCoro() == frame) {
                return task;
            }
        }
        return null;
    }

    /** Called by a child as soon as it is done: counts it and schedules {@link #childDone} if that has something to do. */
    @Override
    void onWatchedDone(Future<?> child) {
        finished++;
        if (!started) {
            // A child done already, or finished by an eagerly started task, while start() still
            // counts the registrations: like a done callback, it has childDone scheduled now.
            lastReported = child;
            loop().enqueue(onChildDone, child);
            return;
        }
        boolean isLast = finished == registrations;
        if (isLast) {
            last = child;
        }
        if (isLast || !child.succeeded()) {
            loop().enqueue(onChildDone, child);
        }
    }

    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        boolean any = false;
        for (Object child : children) {
            if (((Future<?>) child).cancel(message)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    /** What a child's done callback does [Python: {@code _done_callback} inside {@code gather}]. */
    private void childDone(Future<?> child) {
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
        if (child != last) {
            return;
        }
        if (cancelRequested) {
            fail(child.newCancelledException());
            return;
        }
        Object[] results = children;
        for (int i = 0; i < results.length; i++) {
            results[i] = ((Future<?>) results[i]).outcome();
        }
        complete(Arrays.asList(results));
    }
}
