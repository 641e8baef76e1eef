package org.coro4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A result that will be available later, bound to one event loop [Python: {@code asyncio.Future}].
 * Not {@link java.util.concurrent.Future}: it never blocks; coroutines {@code Await.on} it.
 * Done callbacks are always scheduled on the loop with {@link EventLoop#callSoon}, in the order
 * they were added, never run inline. Use it only on its loop's thread.
 *
 * @param <T> the result type
 */
public non-sealed class Future<T> implements Awaitable<T> {
    private static final byte PENDING = 0;
    private static final byte FINISHED = 1;
    private static final byte FAILED = 2;
    private static final byte CANCELLED = 3;
    /** Failed with an exception nobody retrieved yet: the outcome is its {@link UnretrievedExceptions.Report}. */
    private static final byte FAILED_UNRETRIEVED = 4;

    private final EventLoop loop;
    private byte state = PENDING;
    /**
     * While pending, what to notify when done: null, one callback (a {@link Consumer}, or a future
     * that watches this one, see {@link #onWatchedDone}), or a {@link CallbackList}. Once done, the
     * result if finished, the exception if failed (its report while unretrieved), the cancel
     * message if cancelled. One field for both keeps every future, and so every task, 8 bytes smaller.
     */
    private Object slot;

    /** Creates a pending future bound to the running loop; throws {@link AsyncUsageException} if none runs. */
    public Future() {
        this(EventLoop.current());
    }

    /** Creates a pending future bound to {@code loop}. */
    Future(EventLoop loop) {
        this.loop = loop;
    }

    /** A future on {@code loop} already done with {@code value}. */
    static <T> Future<T> completed(EventLoop loop, T value) {
        Future<T> future = new Future<>(loop);
        future.slot = value;
        future.state = FINISHED;
        return future;
    }

    /** The loop this future belongs to. */
    final EventLoop loop() {
        return loop;
    }

    /** Marks the future done with {@code value} and schedules its callbacks. */
    public void setResult(T value) {
        checkPending("setResult");
        complete(value);
    }

    /** Marks the future failed with {@code error} and schedules its callbacks. */
    public void setException(Throwable error) {
        checkPending("setException");
        if (error == null) {
            throw new IllegalArgumentException("the exception must not be null");
        }
        fail(error);
    }

    /** Completes a pending future with {@code value}. */
    final void complete(T value) {
        Object registered = slot;
        slot = value;
        state = FINISHED;
        scheduleCallbacks(registered);
    }

    /**
     * Completes a pending future with {@code error}; unless it is retrieved, it is reported when
     * this future is garbage collected or at the latest when the loop closes, described as
     * {@link #toString()} shows it now that it failed.
     */
    final void fail(Throwable error) {
        Object registered = slot;
        slot = error;
        state = FAILED;
        if (!(error instanceof CancelledException)) {
            slot = loop.unretrieved.watch(this, error, toString());
            state = FAILED_UNRETRIEVED;
        }
        scheduleCallbacks(registered);
    }

    /** Completes a pending future as {@code source}, a done future, ended; retrieves its exception. */
    @SuppressWarnings("unchecked")
    final void completeLike(Future<?> source) {
        if (source.isCancelled()) {
            cancelFuture(source.cancelMessage());
        } else if (source.isFailed()) {
            fail(source.exception());
        } else {
            complete((T) source.slot);
        }
    }

    /** Cancels a pending future; false if it was already done [Python: {@code Future.cancel()}]. */
    public boolean cancel() {
        return cancel(null);
    }

    /** Cancels a pending future with a message for the {@link CancelledException}. */
    public boolean cancel(String message) {
        return cancelFuture(message);
    }

    /** Cancels a pending future; the mechanism under {@link #cancel(String)}, which subclasses override. */
    final boolean cancelFuture(String message) {
        if (state != PENDING) {
            return false;
        }
        Object registered = slot;
        slot = message;
        state = CANCELLED;
        scheduleCallbacks(registered);
        return true;
    }

    /** Whether the future has a result, an exception, or was cancelled. */
    public boolean isDone() {
        return state != PENDING;
    }

    /** Whether the future was cancelled. */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /**
     * The result; throws the future's exception if it failed, {@link CancelledException} if it was
     * cancelled, {@link InvalidStateException} if it is still pending.
     */
    @SuppressWarnings("unchecked")
    public T result() {
        if (state == PENDING) {
            throw new InvalidStateException("Result is not ready.");
        }
        if (state == CANCELLED) {
            throw newCancelledException();
        }
        if (isFailed()) {
            throw Sneaky.<RuntimeException>sneak(retrieveException());
        }
        return (T) slot;
    }

    /** The exception, or null if the future succeeded; throws if it is pending or cancelled. */
    public Throwable exception() {
        if (state == PENDING) {
            throw new InvalidStateException("Exception is not set.");
        }
        if (state == CANCELLED) {
            throw newCancelledException();
        }
        return isFailed() ? retrieveException() : null;
    }

    /** Schedules {@code callback} with this future once it is done (at once if it is done already). */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (callback == null) {
            throw new IllegalArgumentException("callback must not be null");
        }
        register(callback);
    }

    /** Removes every registration of {@code callback}; returns how many were removed. */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        Object registered = slot;
        if (state != PENDING || registered == null) {
            return 0;
        }
        if (registered instanceof CallbackList list) {
            int before = list.size();
            list.removeIf(c -> c == callback);
            return before - list.size();
        }
        if (registered == callback) {
            slot = null;
            return 1;
        }
        return 0;
    }

    /** A {@link CompletableFuture} completed like this future; may be used from any thread. */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> target = new CompletableFuture<>();
        addDoneCallback(f -> {
            if (f.isCancelled()) {
                target.completeExceptionally(newCancelledException());
            } else if (f.exception() != null) {
                target.completeExceptionally(f.exception());
            } else {
                target.complete(f.result());
            }
        });
        return target;
    }

    /**
     * The future as asyncio prints it, in Java's words: {@code <Future pending>},
     * {@code <Future finished result=42>}, {@code <Future finished exception=java.io.IOException: boom>},
     * {@code <Future cancelled>} [Python: {@code Future.__repr__}].
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("<").append(kind()).append(' ')
                .append(state == PENDING ? "pending" : state == CANCELLED ? "cancelled" : "finished");
        appendDetails(text);
        if (isFailed()) {
            text.append(" exception=").append(peekException());
        } else if (state == FINISHED) {
            text.append(" result=").append(slot);
        }
        return text.append('>').toString();
    }

    /** What {@link #toString()} calls this kind of future. */
    String kind() {
        return "Future";
    }

    /** Adds what {@link #toString()} shows between the state and the outcome; subclasses with more to show override it. */
    void appendDetails(StringBuilder text) {
    }

    /**
     * The futures waiting for this one, in registration order [Python: {@code _asyncio_awaited_by}]:
     * the tasks suspended on it, the futures registered as their own done callback on it, and those
     * whose done callbacks on it are {@link AwaitingCallback}s.
     */
    final List<Future<?>> awaiters() {
        List<Future<?>> awaiters = new ArrayList<>();
        Object registered = state == PENDING ? slot : null;
        if (registered instanceof CallbackList list) {
            for (Object callback : list) {
                addAwaiter(awaiters, callback);
            }
        } else if (registered != null) {
            addAwaiter(awaiters, registered);
        }
        return awaiters;
    }

    private static void addAwaiter(List<Future<?>> awaiters, Object callback) {
        if (callback instanceof Future<?> waiter) {
            awaiters.add(waiter);
        } else if (callback instanceof AwaitingCallback awaiting && awaiting.awaitingFuture() != null) {
            awaiters.add(awaiting.awaitingFuture());
        }
    }

    /**
     * Arranges for {@code watcher}'s {@link #onWatchedDone} to be called as soon as this future is
     * done (at once if it is done already), instead of a callback scheduled on the loop.
     */
    final void addWatcher(Future<?> watcher) {
        register(watcher);
    }

    /**
     * If {@code watcher} is the only registration on this pending future, removes it and returns
     * true: the caller then wakes the watcher itself, before this future is done (see
     * {@link BarrierWait}). Otherwise changes nothing and returns false.
     */
    final boolean detachSoleWatcher(Future<?> watcher) {
        if (state != PENDING || slot != watcher) {
            return false;
        }
        slot = null;
        return true;
    }

    /**
     * Removes, in registration order, as many registrations of each watcher on this pending future
     * as {@code counts} gives for it, counting them down; the rest stay in their order.
     */
    final void removeRegistrations(Map<Future<?>, int[]> counts) {
        Object registered = state == PENDING ? slot : null;
        if (registered instanceof CallbackList list) {
            list.removeIf(callback -> takeOne(counts, callback));
            if (list.isEmpty()) {
                slot = null;
            }
        } else if (registered != null && takeOne(counts, registered)) {
            slot = null;
        }
    }

    private static boolean takeOne(Map<Future<?>, int[]> counts, Object callback) {
        int[] count = callback instanceof Future<?> watcher ? counts.get(watcher) : null;
        if (count == null || count[0] == 0) {
            return false;
        }
        count[0]--;
        return true;
    }

    /**
     * Whether {@code watcher}, suspended on this future and being cancelled, may stop waiting without
     * this future being cancelled: true for a future that several watchers share without seeing it,
     * which then counts {@code watcher}'s registration as released (it may still call
     * {@code watcher}'s {@link #onWatchedDone}, which must then ignore it). False for other futures:
     * they are cancelled, as asyncio cancels the future a cancelled task awaits.
     */
    boolean releases(Future<?> watcher) {
        return false;
    }

    /** Whether {@code watcher} is the last registration on this pending future. */
    final boolean watchedLastBy(Future<?> watcher) {
        Object registered = state == PENDING ? slot : null;
        if (registered instanceof CallbackList list) {
            return list.get(list.size() - 1) == watcher;
        }
        return registered == watcher;
    }

    /**
     * Called by {@code done}, a future this one watches ({@link #addWatcher}), when it is done, in
     * the order of its registrations. Futures that watch others ({@link Task}, {@link Gathering})
     * override it. A future that reaches here was registered by {@link #addDoneCallback}, so it is
     * a {@link Consumer} too, and is scheduled as the callback it is.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void onWatchedDone(Future<?> done) {
        loop.enqueue((Consumer) this, done);
    }

    /** The value {@code Await.on} of this done future returns; throws its failure. */
    Object resultForAwait() {
        return result();
    }

    /**
     * Called when a task woken by this future's result was cancelled before it could see the result,
     * or, for a future that wakes its task before it is done ({@link YieldFuture}, {@link BarrierWait}),
     * before it could take the outcome. Futures that hand over a resource (a lock, a permit, a queue
     * item) override it to take it back.
     */
    void resultDiscarded() {
    }

    /**
     * The outcome of a done future as one value: the result, the exception (retrieved from now on),
     * or a new {@link CancelledException} if it was cancelled.
     */
    final Object outcome() {
        if (state == FINISHED) {
            return slot;
        }
        return state == CANCELLED ? newCancelledException() : retrieveException();
    }

    /** The message given to {@link #cancel(String)}, or null. */
    final String cancelMessage() {
        return state == CANCELLED ? (String) slot : null;
    }

    final CancelledException newCancelledException() {
        return new CancelledException(cancelMessage());
    }

    /** Whether the future finished with a result: not failed, not cancelled, not pending. */
    final boolean succeeded() {
        return state == FINISHED;
    }

    /** The exception without marking it retrieved. */
    final Throwable peekException() {
        if (state == FAILED_UNRETRIEVED) {
            return ((UnretrievedExceptions.Report) slot).error;
        }
        return state == FAILED ? (Throwable) slot : null;
    }

    private boolean isFailed() {
        return state == FAILED || state == FAILED_UNRETRIEVED;
    }

    /** The exception of a failed future, which from now on is not reported as never retrieved. */
    private Throwable retrieveException() {
        if (state == FAILED_UNRETRIEVED) {
            UnretrievedExceptions.Report report = (UnretrievedExceptions.Report) slot;
            report.withdraw();
            slot = report.error;
            state = FAILED;
        }
        return (Throwable) slot;
    }

    private void checkPending(String operation) {
        if (state != PENDING) {
            throw new InvalidStateException(operation + " on a future that is already done: " + this);
        }
    }

    /**
     * Called before a done callback or a watcher is registered: a future that completes only once
     * something watches it ({@link YieldFuture}) arranges its completion here.
     */
    void watchedFromNowOn() {
    }

    private void register(Object callback) {
        watchedFromNowOn();
        if (state != PENDING) {
            schedule(callback);
            return;
        }
        Object registered = slot;
        if (registered == null) {
            slot = callback;
        } else if (registered instanceof CallbackList list) {
            list.add(callback);
        } else {
            CallbackList list = new CallbackList();
            list.add(registered);
            list.add(callback);
            slot = list;
        }
    }

    private void scheduleCallbacks(Object registered) {
        if (registered instanceof CallbackList list) {
            for (Object callback : list) {
                schedule(callback);
            }
        } else if (registered != null) {
            schedule(registered);
        }
    }

    @SuppressWarnings("unchecked")
    private void schedule(Object callback) {
        if (callback instanceof Future<?> watcher) {
            watcher.onWatchedDone(this);
        } else {
            loop.enqueue((Consumer<? super Future<T>>) callback, this);
        }
    }

    /**
     * Adapts a {@link CompletionStage} completed on any thread to a future on {@code loop}; if the
     * stage is a {@link java.util.concurrent.Future}, cancelling the adapter cancels it too
     * [Python: {@code asyncio.wrap_future}].
     */
    static <T> Future<T> fromStage(CompletionStage<T> stage, EventLoop loop) {
        Future<T> future = stage instanceof java.util.concurrent.Future<?> source
                ? new CancellingFuture<>(loop, source) : new Future<>(loop);
        CompletableFuture<T> completable = stage.toCompletableFuture();
        if (completable.isDone()) {
            completeFrom(future, completable);
            return future;
        }
        completable.whenComplete((value, error) -> loop.callSoonThreadsafe(() -> {
            if (!future.isDone()) {
                completeFrom(future, completable);
            }
        }));
        return future;
    }

    private static <T> void completeFrom(Future<T> future, CompletableFuture<T> completable) {
        try {
            future.complete(completable.join());
        } catch (CancellationException e) {
            future.cancelFuture(e.getMessage());
        } catch (CompletionException e) {
            future.fail(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** More than one registered callback. */
    private static final class CallbackList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }
}
