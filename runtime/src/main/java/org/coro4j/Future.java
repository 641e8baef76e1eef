package org.coro4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
public class Future<T> {
    private static final int PENDING = 0;
    private static final int FINISHED = 1;
    private static final int CANCELLED = 2;

    private final EventLoop loop;
    private int state = PENDING;
    private T result;
    private Throwable exception;
    private String cancelMessage;
    private boolean exceptionRetrieved;
    private Object callbacks;

    /** Creates a pending future bound to the running loop; throws {@link AsyncUsageException} if none runs. */
    public Future() {
        this(EventLoop.current());
    }

    /** Creates a pending future bound to {@code loop}. */
    Future(EventLoop loop) {
        this.loop = loop;
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
        if (error instanceof CancelledException) {
            throw new IllegalArgumentException("a CancelledException cannot be set as a future's exception; cancel the future instead");
        }
        fail(error);
    }

    /** Completes a pending future with {@code value}. */
    final void complete(T value) {
        result = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    /** Completes a pending future with {@code error}. */
    final void fail(Throwable error) {
        exception = error;
        state = FINISHED;
        loop.trackUnretrieved(this);
        scheduleCallbacks();
    }

    /** Cancels a pending future; false if it was already done [Python: {@code Future.cancel()}]. */
    public boolean cancel() {
        return cancel(null);
    }

    /** Cancels a pending future with a message for the {@link CancelledException}. */
    public boolean cancel(String message) {
        return cancelFuture(message);
    }

    /** Cancels a pending future; the mechanism under {@link #cancel(String)}, which tasks override. */
    final boolean cancelFuture(String message) {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        cancelMessage = message;
        scheduleCallbacks();
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
    public T result() {
        if (state == PENDING) {
            throw new InvalidStateException("Result is not ready.");
        }
        if (state == CANCELLED) {
            throw newCancelledException();
        }
        if (exception != null) {
            markRetrieved();
            throw Sneaky.<RuntimeException>sneak(exception);
        }
        return result;
    }

    /** The exception, or null if the future succeeded; throws if it is pending or cancelled. */
    public Throwable exception() {
        if (state == PENDING) {
            throw new InvalidStateException("Exception is not set.");
        }
        if (state == CANCELLED) {
            throw newCancelledException();
        }
        markRetrieved();
        return exception;
    }

    /** Schedules {@code callback} with this future once it is done (at once if it is done already). */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (state != PENDING) {
            loop.callSoon(() -> callback.accept(this));
            return;
        }
        if (callbacks == null) {
            callbacks = callback;
        } else if (callbacks instanceof CallbackList list) {
            list.add(callback);
        } else {
            CallbackList list = new CallbackList();
            list.add(callbacks);
            list.add(callback);
            callbacks = list;
        }
    }

    /** Removes every registration of {@code callback}; returns how many were removed. */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        if (callbacks == null) {
            return 0;
        }
        if (callbacks instanceof CallbackList list) {
            int before = list.size();
            list.removeIf(c -> c == callback);
            return before - list.size();
        }
        if (callbacks == callback) {
            callbacks = null;
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

    @Override
    public String toString() {
        String shown = switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            default -> exception != null ? "finished exception=" + exception : "finished result=" + result;
        };
        return getClass().getSimpleName() + "<" + shown + ">";
    }

    /** Registers the internal wakeup of a task; scheduled like any done callback. */
    final void addWakeup(Task<?> waiter) {
        addDoneCallback(waiter.wakeup());
    }

    /** The result for {@code Await.on} of a done future: the value, or throws the failure. */
    final Object resultForAwait() {
        return result();
    }

    /** The message given to {@link #cancel(String)}, or null. */
    final String cancelMessage() {
        return cancelMessage;
    }

    final CancelledException newCancelledException() {
        return new CancelledException(cancelMessage);
    }

    final boolean exceptionRetrieved() {
        return exceptionRetrieved;
    }

    final Throwable peekException() {
        return exception;
    }

    private void markRetrieved() {
        if (!exceptionRetrieved && exception != null) {
            exceptionRetrieved = true;
            loop.untrackUnretrieved(this);
        }
    }

    private void checkPending(String operation) {
        if (state != PENDING) {
            throw new InvalidStateException(operation + " on a future that is already done: " + this);
        }
    }

    @SuppressWarnings("unchecked")
    private void scheduleCallbacks() {
        Object registered = callbacks;
        callbacks = null;
        if (registered == null) {
            return;
        }
        if (registered instanceof CallbackList list) {
            for (Object callback : list) {
                Consumer<? super Future<T>> c = (Consumer<? super Future<T>>) callback;
                loop.callSoon(() -> c.accept(this));
            }
        } else {
            Consumer<? super Future<T>> c = (Consumer<? super Future<T>>) registered;
            loop.callSoon(() -> c.accept(this));
        }
    }

    /** Adapts a {@link CompletionStage} completed on any thread to a future on {@code loop}. */
    static <T> Future<T> fromStage(CompletionStage<T> stage, EventLoop loop) {
        Future<T> future = new Future<>(loop);
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
            future.setResult(completable.join());
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (e instanceof java.util.concurrent.CancellationException) {
                future.cancel();
            } else {
                future.setException(cause);
            }
        }
    }

    /** More than one registered callback. */
    private static final class CallbackList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }
}
