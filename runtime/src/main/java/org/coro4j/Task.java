package org.coro4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
    /** The given name, or null until {@link #getName()} makes {@code Task-N} from {@link #number}. */
    private String name;
    private final long number;
    /** The innermost frame to resume; the task's own coroutine or one it awaits inline. */
    private Continuation<?> current;
    /** The future this task is suspended on, or null (not suspended, or after a bare yield). */
    private Future<?> waitingOn;
    /** The future whose outcome the queued step delivers; null for the first step. */
    private Future<?> wokenBy;
    private boolean mustCancel;
    private String cancelMessage;
    private int cancelRequests;
    private boolean trampolined;
    /** How many coroutines are running nested on the Java stack inside this task's step. */
    int inlineDepth;
    /** Links of the loop's list of pending tasks. */
    Task<?> previousPending;
    Task<?> nextPending;

    Task(EventLoop loop, Coroutine<T> coroutine, String name) {
        super(loop);
        if (!(coroutine instanceof Continuation<T> frame)) {
            throw new IllegalArgumentException("not a coroutine: " + coroutine);
        }
        frame.start(this);
        this.coroutine = frame;
        this.current = frame;
        this.name = name;
        this.number = name == null ? NAME_COUNTER.incrementAndGet() : 0;
        loop.register(this);
        loop.enqueue(this);
    }

    /** The task's name: the one given at creation, or {@code Task-N}. */
    public String getName() {
        String shown = name;
        if (shown == null) {
            shown = "Task-" + number;
            name = shown;
        }
        return shown;
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

    /** Prints {@link #getStack()} to {@code out}, outermost frame first. */
    public void printStack(PrintStream out) {
        out.println("Stack for " + this + " (most recent call last):");
        List<StackTraceElement> stack = getStack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            out.println("\tat " + stack.get(i));
        }
    }

    @Override
    public String toString() {
        return "Task<" + getName() + " " + super.toString() + ">";
    }

    /** Called by a done future this task awaits: queues the step that delivers its outcome. */
    final void wokenBy(Future<?> future) {
        wokenBy = future;
        loop().enqueue(this);
    }

    /** Called by {@code frame} when it suspends on {@code future}. */
    final void suspendOn(Continuation<?> frame, Future<?> future) {
        if (future == this) {
            throw new InvalidStateException("Task cannot await on itself: " + this);
        }
        if (future.loop() != loop()) {
            throw new AsyncUsageException("Task " + this + " got a future attached to a different loop: " + future);
        }
        current = frame;
        if (future instanceof YieldFuture<?>) {
            wokenBy(future);
            return;
        }
        waitingOn = future;
        future.addWakeup(this);
        if (mustCancel && future.cancel(cancelMessage)) {
            mustCancel = false;
        }
    }

    /** Called by a frame at the inline depth limit: {@code callee} is started by the step loop instead. */
    final void trampoline(Continuation<?> callee) {
        current = callee;
        trampolined = true;
    }

    /** Runs the queued step; the loop calls it for each time the task was queued. */
    final void runStep() {
        if (isDone()) {
            return;
        }
        Future<?> future = wokenBy;
        wokenBy = null;
        Object value = null;
        Throwable error = null;
        if (mustCancel) {
            mustCancel = false;
            error = new CancelledException(cancelMessage);
            if (future != null && future.isDone() && !future.isCancelled() && future.peekException() == null) {
                future.resultDiscarded();
            }
        } else if (future != null) {
            try {
                value = future.resultForAwait();
            } catch (Throwable e) {
                error = e;
            }
        }
        waitingOn = null;
        EventLoop loop = loop();
        loop.enterTask(this);
        try {
            drive(value, error);
        } finally {
            loop.leaveTask();
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
            if (failure != null) {
                CoroutineTrace.addCaller(failure, caller);
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
