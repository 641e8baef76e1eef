package org.coro4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A coroutine scheduled to run on an event loop [Python: {@code asyncio.Task}]. The task's first
 * step is queued when it is created; it then runs until its coroutine suspends, and resumes when
 * the awaited future is done. The loop keeps a strong reference to every pending task.
 *
 * @param <T> the result type
 */
public class Task<T> extends Future<T> {
    private static final AtomicLong NAME_COUNTER = new AtomicLong();

    private final Continuation<T> coroutine;
    private String name;
    /** The innermost frame to resume; the task's own coroutine or one it awaits inline. */
    private Continuation<?> current;
    /** The future this task is suspended on, or null. */
    private Future<?> waitingOn;
    private boolean mustCancel;
    private String cancelMessage;
    private int cancelRequests;
    private boolean trampolined;
    private Consumer<Future<?>> wakeup;
    /** How many coroutines are running nested on the Java stack inside this task's step. */
    int inlineDepth;

    Task(EventLoop loop, Coroutine<T> coroutine, String name) {
        super(loop);
        Continuation<T> frame = (Continuation<T>) coroutine;
        frame.start(this);
        this.coroutine = frame;
        this.current = frame;
        this.name = name != null ? name : "Task-" + NAME_COUNTER.incrementAndGet();
        loop.register(this);
        loop.callSoon(this::firstStep);
    }

    /** The task's name: the one given at creation, or {@code Task-N}. */
    public String getName() {
        return name;
    }

    /** Renames the task. */
    public void setName(String name) {
        this.name = name;
    }

    /** The coroutine this task runs. */
    public Coroutine<T> getCoro() {
        return coroutine;
    }

    /** Not allowed on a task: its coroutine decides its result. */
    @Override
    public void setResult(T value) {
        throw new InvalidStateException("Task does not support setResult");
    }

    /** Not allowed on a task: its coroutine decides its outcome. */
    @Override
    public void setException(Throwable error) {
        throw new InvalidStateException("Task does not support setException");
    }

    /**
     * Requests cancellation: the {@code Await.on} where the task is suspended throws
     * {@link CancelledException} with {@code message}, and the awaited future is cancelled. Returns
     * false if the task is already done.
     */
    @Override
    public boolean cancel(String message) {
        if (isDone()) {
            return false;
        }
        cancelRequests++;
        if (waitingOn != null && waitingOn.cancel(message)) {
            return true;
        }
        mustCancel = true;
        cancelMessage = message;
        return true;
    }

    /** How many cancellation requests are pending [Python: {@code Task.cancelling()}]. */
    public int cancelling() {
        return cancelRequests;
    }

    /** Withdraws one cancellation request; returns the remaining count [Python: {@code Task.uncancel()}]. */
    public int uncancel() {
        if (cancelRequests > 0) {
            cancelRequests--;
            if (cancelRequests == 0) {
                mustCancel = false;
            }
        }
        return cancelRequests;
    }

    /** The coroutine frames this task is suspended in, innermost first. */
    public List<StackTraceElement> getStack() {
        List<StackTraceElement> stack = new ArrayList<>();
        if (isDone()) {
            return stack;
        }
        for (Continuation<?> frame = current; frame != null; frame = frame.caller) {
            stack.add(frame.stackTraceElement());
        }
        return stack;
    }

    /** Prints {@link #getStack()} to standard error. */
    public void printStack() {
        printStack(System.err);
    }

    /** Prints {@link #getStack()} to {@code out}. */
    public void printStack(PrintStream out) {
        out.println("Stack for " + this + " (most recent call last):");
        List<StackTraceElement> stack = getStack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            out.println("\tat " + stack.get(i));
        }
    }

    @Override
    public String toString() {
        return "Task<" + name + " " + super.toString() + ">";
    }

    /** The callback a future schedules to resume this task. */
    final Consumer<Future<?>> wakeup() {
        Consumer<Future<?>> callback = wakeup;
        if (callback == null) {
            callback = this::wake;
            wakeup = callback;
        }
        return callback;
    }

    /** Called by {@code frame} when it suspends on {@code future}. */
    final void suspendOn(Continuation<?> frame, Future<?> future) {
        current = frame;
        waitingOn = future;
        if (future instanceof YieldFuture<?>) {
            loop().callSoon(() -> wake(future));
        } else {
            future.addWakeup(this);
        }
        if (mustCancel && future.cancel(cancelMessage)) {
            mustCancel = false;
        }
    }

    /** Called by a frame at the inline depth limit: {@code callee} is started by the step loop instead. */
    final void trampoline(Continuation<?> callee) {
        current = callee;
        trampolined = true;
    }

    private void firstStep() {
        step(null, null);
    }

    private void wake(Future<?> future) {
        Object value = null;
        Throwable error = null;
        try {
            value = future.resultForAwait();
        } catch (Throwable e) {
            error = e;
        }
        step(value, error);
    }

    private void step(Object value, Throwable error) {
        if (isDone()) {
            return;
        }
        if (mustCancel) {
            mustCancel = false;
            error = new CancelledException(cancelMessage);
        }
        waitingOn = null;
        EventLoop loop = loop();
        loop.enterTask(this);
        try {
            drive(value, error);
        } finally {
            loop.leaveTask(this);
        }
    }

    /** Resumes frames until one suspends on a future or the task's coroutine finishes. */
    private void drive(Object value, Throwable error) {
        Continuation<?> frame = current;
        while (true) {
            Object result;
            Throwable failure = null;
            try {
                result = frame.resume(value, error);
            } catch (Throwable e) {
                result = null;
                failure = e;
            }
            if (result == Continuation.SUSPENDED && failure == null) {
                if (!trampolined) {
                    return;
                }
                trampolined = false;
                frame = current;
                value = null;
                error = null;
                continue;
            }
            Continuation<?> caller = frame.caller;
            frame.caller = null;
            if (caller == null) {
                finish(result, failure);
                return;
            }
            current = caller;
            frame = caller;
            value = result;
            error = failure;
        }
    }

    @SuppressWarnings("unchecked")
    private void finish(Object result, Throwable failure) {
        loop().unregister(this);
        if (failure instanceof CancelledException cancelled) {
            cancelFuture(cancelled.getMessage());
        } else if (failure != null) {
            fail(failure);
        } else if (mustCancel) {
            mustCancel = false;
            cancelFuture(cancelMessage);
        } else {
            complete((T) result);
        }
    }
}
