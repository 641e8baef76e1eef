package org.coro4j;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A scope whose tasks all finish before it does [Python: {@code asyncio.TaskGroup}]. The coroutine
 * {@link #run} returns runs the body, then waits for every task created with {@link #createTask}.
 * The first task to fail cancels the others and the body; the group then throws an
 * {@link ExceptionGroup} of every failure (the body's last). If the task running the group is
 * cancelled from outside, the children are cancelled and the group throws
 * {@link CancelledException}. {@link #cancel()} stops the group from inside.
 */
public final class TaskGroup {
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Consumer<Future<?>> onTaskDone = new TaskDone();
    private EventLoop loop;
    private Task<?> parentTask;
    private boolean entered;
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    /** Whether {@link #cancel()} asked for the cancellation, which the group then does not propagate. */
    private boolean cancelRequested;
    private Throwable baseError;
    private CancelledException propagateCancellation;
    private Future<Void> allDone;

    private TaskGroup() {
    }

    /** A coroutine that runs {@code body} with a new group and returns the body's result once all the group's tasks are done. */
    public static <T> Coroutine<T> run(AsyncFunction<TaskGroup, T> body) {
        Arguments.notNull(body, "TaskGroup.run: the body");
        return new TaskGroupScope<>(new TaskGroup(), body);
    }

    /** Starts {@code coroutine} as a task of this group [Python: {@code TaskGroup.create_task}]. */
    public <R> Task<R> createTask(Coroutine<R> coroutine) {
        return createTask(coroutine, null);
    }

    /** Starts {@code coroutine} as a task of this group named {@code name}. */
    @SuppressWarnings("unchecked")
    public <R> Task<R> createTask(Coroutine<R> coroutine, String name) {
        if (!entered) {
            throw new InvalidStateException("TaskGroup " + this + " has not been entered");
        }
        if (exiting && tasks.isEmpty()) {
            throw new InvalidStateException("TaskGroup " + this + " is finished");
        }
        if (aborting) {
            throw new InvalidStateException("TaskGroup " + this + " is shutting down");
        }
        Task<R> task = loop.createTask(coroutine, name);
        tasks.add(task);
        task.addDoneCallback((Consumer<? super Future<R>>) (Consumer<?>) onTaskDone);
        if (aborting && !task.isDone()) {
            // an eager task aborted the group (cancel(), or a failure of its own) before it first suspended
            task.cancel();
        }
        return task;
    }

    /**
     * Cancels the body and every task of the group that is not done [Python 3.15: {@code TaskGroup.cancel()}]:
     * the group then finishes without throwing {@link CancelledException} to its caller, and its
     * coroutine returns null (unless a task failed: then it throws the {@link ExceptionGroup}).
     * Calling it again, or once the group is finished, does nothing.
     */
    public void cancel() {
        if (!entered || (exiting && tasks.isEmpty())) {
            return;
        }
        cancelRequested = true;
        if (!aborting) {
            abort();
        }
        if (!parentCancelRequested) {
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    @Override
    public String toString() {
        return "TaskGroup<tasks=" + tasks.size() + (errors.isEmpty() ? "" : " errors=" + errors.size())
                + (aborting ? " cancelling" : entered ? " entered" : "") + ">";
    }

    void enter(Task<?> owner) {
        if (entered) {
            throw new InvalidStateException("TaskGroup " + this + " has already been entered");
        }
        parentTask = owner;
        loop = owner.loop();
        entered = true;
    }

    /** The body ended with {@code failure} (null if it returned): from now on the group only waits for its tasks. */
    void bodyEnded(Throwable failure) {
        exiting = true;
        if (failure != null && isBaseError(failure) && baseError == null) {
            baseError = failure;
        }
        propagateCancellation = failure instanceof CancelledException cancelled ? cancelled : null;
        if (failure != null && !aborting) {
            abort();
        }
    }

    /** A future done when no task is left, or null if none is left now. */
    Future<Void> allDone() {
        if (tasks.isEmpty()) {
            return null;
        }
        if (allDone == null) {
            allDone = new Future<>(loop);
        }
        return allDone;
    }

    /**
     * Waiting for the tasks ended with {@code failure}, normally the cancellation of the parent task. A
     * cancellation is kept even when the group is already aborting: {@link #finish} drops it only if
     * uncancelling the group's own request leaves no cancellation of the parent pending.
     */
    void waitInterrupted(Throwable failure) {
        allDone = null;
        if (failure instanceof CancelledException cancelled) {
            propagateCancellation = cancelled;
            if (!aborting) {
                abort();
            }
        } else if (failure != null) {
            throw Sneaky.<RuntimeException>sneak(failure);
        }
    }

    /** All tasks are done: throws what the group raises, if anything, for a body that ended with {@code bodyFailure}. */
    void finish(Throwable bodyFailure) {
        if (baseError != null) {
            throw Sneaky.<RuntimeException>sneak(baseError);
        }
        if (parentCancelRequested && parentTask.uncancel() == 0) {
            propagateCancellation = null;
        }
        if (propagateCancellation != null && errors.isEmpty()) {
            throw propagateCancellation;
        }
        if (bodyFailure != null && !(bodyFailure instanceof CancelledException)) {
            errors.add(bodyFailure);
        }
        if (!errors.isEmpty()) {
            if (parentTask.cancelling() > 0) {
                parentTask.uncancel();
                parentTask.cancel();
            }
            throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
    }

    /** Whether the body's {@code failure} is the cancellation {@link #cancel()} asked for, which the group swallows. */
    boolean swallows(Throwable failure) {
        return cancelRequested && failure instanceof CancelledException && propagateCancellation == null;
    }

    private void abort() {
        aborting = true;
        for (Task<?> task : tasks) {
            if (!task.isDone()) {
                task.cancel();
            }
        }
    }

    private void taskDone(Future<?> task) {
        tasks.remove(task);
        if (allDone != null && tasks.isEmpty() && !allDone.isDone()) {
            allDone.complete(null);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable error = task.exception();
        if (error == null) {
            return;
        }
        errors.add(error);
        if (isBaseError(error) && baseError == null) {
            baseError = error;
        }
        if (parentTask.isDone()) {
            loop.callExceptionHandler(new ExceptionContext(
                    "Task exception was not retrieved because its TaskGroup's parent task is done", error, (Task<?>) task));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            abort();
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    private static boolean isBaseError(Throwable error) {
        return error instanceof VirtualMachineError;
    }

    /** The group's callback on each of its tasks: the parent task waits for them [Python: TaskGroup's awaited-by links]. */
    private final class TaskDone implements Consumer<Future<?>>, AwaitingCallback {
        @Override
        public void accept(Future<?> task) {
            taskDone(task);
        }

        @Override
        public Future<?> awaitingFuture() {
            return parentTask;
        }
    }
}
