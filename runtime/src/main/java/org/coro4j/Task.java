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
    private static final byte WOKEN = 1;
    private static final byte MUST_CANCEL = 2;
    private static final byte TRAMPOLINED = 4;
    private static final byte YIELDED = 8;

    /** The N of {@code Task-N} for a task created without a name; -1 if it is too large and kept in its {@link Extras}. */
    private final int number;
    /**
     * The innermost frame to resume ({@link #innermost()}), the task's own coroutine or one it awaits
     * inline; its {@link Continuation#caller()} chain ends at the task's own coroutine, which it is once
     * the task is done. In a task that needed one, the {@link Extras} that hold the innermost frame
     * with what most tasks never need: one field for both keeps every task 8 bytes smaller, with
     * its coroutine's {@link Continuation#link} holding the task's link to the task pending before it.
     */
    private Object current;
    /**
     * The future this task is suspended on or, once {@link #WOKEN}, the one whose outcome the queued
     * step delivers; null before the first step. While a step resumes a frame, the awaited value (or
     * failure) on its way to that frame's {@link Continuation#resumeResult()}, which takes it before
     * anything else runs: one field serves both, as a task never waits and delivers at once.
     */
    private Object awaited;
    /**
     * {@link #WOKEN}: the queued step delivers {@link #awaited}'s outcome; {@link #MUST_CANCEL}: the
     * next step throws {@link CancelledException} into the coroutine; {@link #TRAMPOLINED}: a frame
     * at the inline depth limit left its callee to the step loop; {@link #YIELDED}: the step ended in
     * a bare yield, and whoever ran it queues the task's next step (cleared when that step starts).
     */
    private byte flags;
    /** How deep the running frame is nested in others on the Java stack; 0 for the frame the step loop resumed. */
    byte inlineDepth;
    /** The task after this one in the loop's list of pending tasks; the one before is kept by the task's coroutine. */
    Task<?> nextPending;

    /** A task whose first step is queued, or with {@code eager} run now on the calling thread, the loop's. */
    Task(EventLoop loop, Coroutine<T> coroutine, String name, boolean eager) {
        super(loop);
        if (!(coroutine instanceof Continuation<T> frame)) {
            throw new IllegalArgumentException("not a coroutine: " + coroutine);
        }
        frame.start(this);
        this.current = frame;
        long n = name == null ? NAME_COUNTER.incrementAndGet() : 0;
        if (n <= Integer.MAX_VALUE) {
            this.number = (int) n;
        } else {
            this.number = -1;
            extras().largeNumber = n;
        }
        if (name != null) {
            extras().name = name;
        }
        loop.register(this);
        if (eager) {
            runEagerStep();
        } else {
            loop.enqueue(this);
        }
    }

    /** The N of the last {@code Task-N} handed out, on any thread; a task created later has a larger {@link #creationNumber()}. */
    static long lastCreationNumber() {
        return NAME_COUNTER.get();
    }

    /** The N of {@code Task-N} this task was given at creation; 0 for a task created with a name. */
    final long creationNumber() {
        return number >= 0 ? number : extras().largeNumber;
    }

    /** The task's name: the one given at creation, or {@code Task-N}. */
    public String getName() {
        Extras extras = extrasIfAny();
        if (extras != null && extras.name != null) {
            return extras.name;
        }
        String shown = "Task-" + creationNumber();
        extras().name = shown;
        return shown;
    }

    /** Renames the task. */
    public void setName(String name) {
        extras().name = name;
    }

    /** The coroutine this task runs. */
    @SuppressWarnings("unchecked")
    public Coroutine<T> getCoro() {
        Continuation<?> frame = innermost();
        for (Continuation<?> caller = frame.caller(); caller != null; caller = frame.caller()) {
            frame = caller;
        }
        return (Coroutine<T>) frame;
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
        Extras requests = extras();
        requests.cancelRequests++;
        if ((flags & WOKEN) == 0 && awaited instanceof Future<?> future && cancelAwaited(future, message)) {
            return true;
        }
        flags |= MUST_CANCEL;
        requests.cancelMessage = message;
        return true;
    }

    /** How many cancellation requests are pending [Python: {@code Task.cancelling()}]. */
    public int cancelling() {
        Extras extras = extrasIfAny();
        return extras == null ? 0 : extras.cancelRequests;
    }

    /** Withdraws one cancellation request; returns the remaining count [Python: {@code Task.uncancel()}]. */
    public int uncancel() {
        Extras requests = extrasIfAny();
        if (requests == null) {
            return 0;
        }
        if (requests.cancelRequests > 0) {
            requests.cancelRequests--;
            if (requests.cancelRequests == 0) {
                flags &= ~MUST_CANCEL;
            }
        }
        return requests.cancelRequests;
    }

    /** The coroutine frames this task is suspended in, innermost first. */
    public List<StackTraceElement> getStack() {
        List<StackTraceElement> stack = new ArrayList<>();
        if (isDone()) {
            return stack;
        }
        for (Continuation<?> frame = innermost(); frame != null; frame = frame.caller()) {
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
    String kind() {
        return "Task";
    }

    /**
     * Makes {@link #toString()} print the task as asyncio does, in Java's words:
     * {@code <Task pending name='Task-1' coro=<Demo.fetch()> wait_for=<Future pending>>} or
     * {@code <Task finished name='Task-2' coro=<Demo.fetch()> exception=java.io.IOException: boom>}
     * [Python: {@code Task.__repr__}].
     */
    @Override
    void appendDetails(StringBuilder text) {
        StackTraceElement coroutine = ((Continuation<?>) getCoro()).stackTraceElement();
        String className = coroutine.getClassName();
        text.append(" name='").append(getName()).append("' coro=<")
                .append(className.substring(className.lastIndexOf('.') + 1)).append('.')
                .append(coroutine.getMethodName()).append("()>");
        Future<?> waitingFor = suspendedOn();
        if (waitingFor != null && !isDone()) {
            text.append(" wait_for=");
            if (waitingFor instanceof Task<?> other) {
                text.append("<Task ").append(other.isDone() ? "finished" : "pending").append(" name='").append(other.getName()).append("'>");
            } else {
                text.append(waitingFor);
            }
        }
    }

    /** The future this task is suspended on, or null if it is running or its next step is queued. */
    final Future<?> suspendedOn() {
        boolean suspended = (flags & WOKEN) == 0 && loop().currentTask() != this;
        return suspended && awaited instanceof Future<?> future ? future : null;
    }

    /**
     * Called by a done future this task awaits: queues the step that delivers its outcome. A future
     * that decides its outcome when the task resumes ({@link BarrierWait}) calls it while still
     * pending; the step then takes the outcome from its {@link Future#resultForAwait()}. A call from
     * a future the task no longer waits for, one that {@link Future#releases released} it, changes
     * nothing.
     */
    @Override
    final void onWatchedDone(Future<?> future) {
        if (future == awaited && (flags & WOKEN) == 0) {
            wake(future);
        }
    }

    /** Queues the step that delivers {@code future}'s outcome. */
    private void wake(Future<?> future) {
        awaited = future;
        flags |= WOKEN;
        loop().enqueue(this);
    }

    /**
     * Cancels {@code future}, which this task is suspended on, for this task's cancellation; false if
     * it could not be. A future that {@link Future#releases releases} the task stays as it is, and
     * the task is woken with a cancelled future of its own, as if it had waited on one.
     */
    private boolean cancelAwaited(Future<?> future, String message) {
        if (!future.releases(this)) {
            return future.cancel(message);
        }
        Future<?> own = new Future<>(loop());
        own.cancelFuture(message);
        wake(own);
        return true;
    }

    /** Called by {@code frame} when it suspends on {@code future}. */
    final void suspendOn(Continuation<?> frame, Future<?> future) {
        if (future == YieldFuture.UNSEEN) {
            // the step that ends here is queued again by whoever ran it, at once, with no future to
            // read: the next step delivers null, as asyncio's bare yield does
            setInnermost(frame);
            flags |= WOKEN | YIELDED;
            return;
        }
        if (future == this) {
            throw new InvalidStateException("Task cannot await on itself: " + this);
        }
        if (future.loop() != loop()) {
            throw new AsyncUsageException("Task " + this + " got a future attached to a different loop: " + future);
        }
        setInnermost(frame);
        if (future instanceof YieldFuture<?>) {
            wake(future);
            return;
        }
        awaited = future;
        future.addWatcher(this);
        if ((flags & (MUST_CANCEL | WOKEN)) == MUST_CANCEL && cancelAwaited(future, extras().cancelMessage)) {
            flags &= ~MUST_CANCEL;
        }
    }

    /** Called by a frame at the inline depth limit: {@code callee} is started by the step loop instead. */
    final void trampoline(Continuation<?> callee) {
        setInnermost(callee);
        flags |= TRAMPOLINED;
    }

    /** Called by a frame being resumed: keeps {@code value}, the awaited value or failure, for {@link #takeResumed()}. */
    final void resumeWith(Object value) {
        awaited = value;
        inlineDepth = 0;
    }

    /** Called by the resumed frame's {@link Continuation#resumeResult()}: the value kept by {@link #resumeWith}. */
    final Object takeResumed() {
        Object value = awaited;
        awaited = null;
        return value;
    }

    /**
     * Runs the queued step; the loop calls it for each time the task was queued. True if the step
     * ended in a bare yield: the loop then queues the next step itself, as it has its queue at hand.
     */
    final boolean runStep() {
        if (isDone()) {
            return false;
        }
        int was = flags;
        Future<?> future = (was & WOKEN) != 0 ? (Future<?>) awaited : null;
        awaited = null;
        flags = (byte) (was & ~(WOKEN | MUST_CANCEL | YIELDED));
        boolean mustCancel = (was & MUST_CANCEL) != 0;
        Object value = null;
        Throwable error = null;
        // a future cancelled already delivers its own CancelledException, as in asyncio, where a
        // second cancel() while the first is on its way only sets the must-cancel flag again
        if (mustCancel && (future == null || !future.isCancelled())) {
            error = new CancelledException(extras().cancelMessage);
            if (future != null && future.peekException() == null) {
                future.resultDiscarded();
            } else if (future != null) {
                future.exception(); // taken, as asyncio's __wakeup takes it, so it is not reported
            }
        } else if (future != null) {
            try {
                value = future.resultForAwait();
            } catch (Throwable e) {
                error = e;
            }
        }
        EventLoop loop = loop();
        loop.enterTask(this);
        try {
            drive(value, error);
        } finally {
            loop.leaveTask();
        }
        return (flags & YIELDED) != 0;
    }

    /**
     * Runs the first step inside {@code createTask}, as the current task, then makes the task that
     * was current before current again [Python: {@code Task.__eager_start}].
     */
    private void runEagerStep() {
        EventLoop loop = loop();
        Task<?> previous = loop.swapCurrentTask(this);
        try {
            drive(null, null);
        } finally {
            loop.swapCurrentTask(previous);
        }
        if ((flags & YIELDED) != 0) {
            loop.enqueue(this);
        }
    }

    /** Resumes frames until one suspends on a future or the task's coroutine finishes. */
    private void drive(Object value, Throwable error) {
        Continuation<?> frame = innermost();
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
                if ((flags & TRAMPOLINED) == 0) {
                    return;
                }
                flags &= ~TRAMPOLINED;
                frame = innermost();
                value = null;
                error = null;
                continue;
            }
            Continuation<?> caller = frame.caller();
            if (caller == null) {
                finish(result, failure);
                return;
            }
            frame.link = null;
            if (failure != null) {
                CoroutineTrace.addCaller(failure, caller);
            }
            setInnermost(caller);
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
        } else if ((flags & MUST_CANCEL) != 0) {
            flags &= ~MUST_CANCEL;
            cancelFuture(extras().cancelMessage);
        } else {
            complete((T) result);
        }
        if (FlightRecording.active) {
            FlightEvents.taskFinished(this);
        }
    }

    /** The innermost frame, kept in {@link #current} directly or in the task's {@link Extras}. */
    private Continuation<?> innermost() {
        Object kept = current;
        return kept instanceof Extras extras ? extras.innermost : (Continuation<?>) kept;
    }

    private void setInnermost(Continuation<?> frame) {
        if (current == frame) {
            return;
        }
        if (current instanceof Extras extras) {
            extras.innermost = frame;
        } else {
            current = frame;
        }
    }

    /** The task's {@link Extras}, or null if it never needed them. */
    private Extras extrasIfAny() {
        return current instanceof Extras extras ? extras : null;
    }

    /** The task's {@link Extras}, made now if it had none. */
    private Extras extras() {
        Object kept = current;
        if (kept instanceof Extras existing) {
            return existing;
        }
        Extras made = new Extras();
        made.innermost = (Continuation<?>) kept;
        current = made;
        return made;
    }

    /** The task before this one in the loop's list of pending tasks, kept in its coroutine's {@link Continuation#link}. */
    final Task<?> previousPending() {
        return (Task<?>) ((Continuation<?>) getCoro()).link;
    }

    /** Sets the task before this one in the loop's list of pending tasks; null once the task is done. */
    final void setPreviousPending(Task<?> previous) {
        ((Continuation<?>) getCoro()).link = previous;
    }

    /** The fields most tasks never set, kept apart so that those tasks do not pay for them. */
    private static final class Extras {
        /** The innermost frame, which {@link #current} holds in a task without extras. */
        Continuation<?> innermost;
        /** The given name, or {@code Task-N} once {@link #getName()} made it; null until then. */
        String name;
        /** The N of {@code Task-N} when it does not fit in {@link #number}. */
        long largeNumber;
        /** The pending cancellation requests [Python: {@code Task.cancelling()}]. */
        int cancelRequests;
        /** The message of the last cancellation request that has to be delivered at the next step. */
        String cancelMessage;
    }
}
