package org.coro4j;

/**
 * The coroutine {@link TaskGroup#run} returns [Python: {@code async with asyncio.TaskGroup() as tg}]:
 * runs the body in the task that runs it, then waits until the group's tasks are done.
 */
final class TaskGroupScope<T> extends Continuation<T> {
    private static final int AWAITING_BODY = 1;
    private static final int AWAITING_TASKS = 2;

    private final TaskGroup group;
    private final AsyncFunction<TaskGroup, T> body;
    private Object bodyResult;
    private Throwable bodyFailure;

    TaskGroupScope(TaskGroup group, AsyncFunction<TaskGroup, T> body) {
        this.group = group;
        this.body = body;
    }

    @Override
    protected Object invokeBody() {
        if (label == AWAITING_TASKS) {
            Throwable interruption = null;
            try {
                resumeResult();
            } catch (Throwable e) {
                interruption = e;
            }
            group.waitInterrupted(interruption);
            return awaitTasks();
        }
        try {
            if (label == 0) {
                group.enter(task);
                bodyResult = awaitCoroutine(body.apply(group), this, AWAITING_BODY);
                if (bodyResult == SUSPENDED) {
                    bodyResult = null;
                    return SUSPENDED;
                }
            } else {
                bodyResult = resumeResult();
            }
        } catch (Throwable e) {
            bodyFailure = e;
        }
        group.bodyEnded(bodyFailure);
        return awaitTasks();
    }

    private Object awaitTasks() {
        Future<Void> allDone;
        while ((allDone = group.allDone()) != null) {
            if (awaitFuture(allDone, this, AWAITING_TASKS) == SUSPENDED) {
                return SUSPENDED;
            }
        }
        group.finish(bodyFailure);
        if (group.swallows(bodyFailure)) {
            return null;
        }
        if (bodyFailure != null) {
            throw Sneaky.<RuntimeException>sneak(bodyFailure);
        }
        return bodyResult;
    }

    @Override
    protected StackTraceElement stackTraceElement() {
        return new StackTraceElement("org.coro4j.TaskGroup", "run", null, -1);
    }
}
