package org.coro4j;

/**
 * How an {@link EventLoop} starts the tasks it creates [Python 3.12: {@code loop.set_task_factory},
 * {@code asyncio.eager_task_factory}]. It applies to every task the loop creates, those of
 * {@link TaskGroup}s too.
 */
public enum TaskFactory {
    /** The task's first step is queued, behind what is ready already [Python: the default factory]. */
    DEFAULT,
    /**
     * The task's coroutine runs inside {@code createTask} up to its first suspension, as the current
     * task; a task that finishes without suspending is returned done and is never scheduled
     * [Python: {@code eager_task_factory}]. Outside a running loop tasks start as with {@link #DEFAULT}.
     */
    EAGER
}
