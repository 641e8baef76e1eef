package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Eager tasks and {@link TaskFactory}, ported from CPython's test_eager_task_factory.py. */
class EagerTaskTest extends VirtualLoopTest {

    EagerTaskTest() {
        loop.setTaskFactory(TaskFactory.EAGER);
    }

    /** Runs {@code check} in the main task. */
    private void inMain(Runnable check) {
        runMain(script(Script.run(check)));
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_eager_task_factory_set
    @Test
    void theFactoryIsSetAndReset() {
        assertSame(TaskFactory.EAGER, loop.getTaskFactory());
        loop.setTaskFactory(null);
        assertSame(TaskFactory.DEFAULT, loop.getTaskFactory());
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_await_future_during_eager_step
    @Test
    void theEagerStepRunsInsideCreateTask() {
        Object[] result = new Object[1];
        runMain(script(
                Script.run(() -> {
                    Future<String> future = new Future<>(loop);
                    Task<Object> setter = Asyncio.createTask(script(Script.run(() -> future.setResult("my message"))));
                    assertTrue(setter.isDone());
                    result[0] = future;
                }),
                await(() -> (Future<?>) result[0], v -> result[0] = v)));
        assertEquals("my message", result[0]);
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_eager_completion
    @Test
    void aTaskThatNeverSuspendsIsReturnedDoneAndNeverScheduled() {
        inMain(() -> {
            Task<Object> t = Asyncio.createTask(script(returning(() -> "hello")));
            assertTrue(t.isDone());
            assertEquals("hello", t.result());
            assertFalse(Asyncio.allTasks().contains(t));
        });
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_block_after_eager_step
    @Test
    void aTaskThatSuspendsFinishesLater() {
        Object[] result = new Object[1];
        Task<?>[] made = new Task<?>[1];
        runMain(script(
                Script.run(() -> {
                    made[0] = Asyncio.createTask(script(await(() -> Asyncio.sleep(0.1)), returning(() -> "finished after blocking")));
                    assertFalse(made[0].isDone());
                }),
                await(() -> made[0], v -> result[0] = v)));
        assertEquals("finished after blocking", result[0]);
        assertEquals(0.1, loop.time());
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_cancellation_after_eager_completion
    @Test
    void aTaskDoneEagerlyCannotBeCancelled() {
        inMain(() -> {
            Task<Object> t = Asyncio.createTask(script(returning(() -> "finished without blocking")));
            assertFalse(t.cancel());
            assertFalse(t.isCancelled());
            assertEquals("finished without blocking", t.result());
        });
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_cancellation_after_eager_step_blocks
    @Test
    void aTaskThatSuspendedCanBeCancelled() {
        Task<?>[] made = new Task<?>[1];
        CancelledException e = assertThrows(CancelledException.class, () -> runMain(script(
                Script.run(() -> {
                    made[0] = Asyncio.createTask(script(await(() -> Asyncio.sleep(0.1)), returning(() -> "finished after blocking")));
                    made[0].cancel("cancellation message");
                    assertTrue(made[0].cancelling() > 0);
                }),
                await(() -> made[0]))));
        assertEquals("cancellation message", e.getMessage());
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_current_task
    @Test
    void theEagerTaskIsCurrentDuringItsEagerStepAndTheCreatorAfter() {
        Task<?>[] seen = new Task<?>[3];
        inMain(() -> {
            Task<?> main = Asyncio.currentTask();
            Task<Object> t = Asyncio.createTask(script(
                    Script.run(() -> seen[0] = Asyncio.currentTask()),
                    await(() -> Asyncio.sleep(0.1)),
                    Script.run(() -> seen[1] = Asyncio.currentTask())));
            assertSame(t, seen[0]);
            assertSame(main, Asyncio.currentTask());
            seen[2] = t;
        });
        runMain(script(await(() -> seen[2])));
        assertSame(seen[2], seen[1]);
        assertNull(Asyncio.currentTask());
    }

    @Test
    void nestedEagerTasksRestoreEachCurrentTask() {
        List<Task<?>> seen = new java.util.ArrayList<>();
        inMain(() -> {
            Task<Object> outer = Asyncio.createTask(script(Script.run(() -> {
                Task<?> self = Asyncio.currentTask();
                Asyncio.createTask(script(Script.run(() -> seen.add(Asyncio.currentTask()))));
                seen.add(self);
                seen.add(Asyncio.currentTask());
            })));
            assertTrue(outer.isDone());
            assertSame(outer, seen.get(1));
            assertSame(outer, seen.get(2));
            assertFalse(seen.get(0) == outer);
        });
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_all_tasks_with_eager_completion
    @Test
    void aTaskInItsEagerStepIsInAllTasksAndLeavesWhenDone() {
        inMain(() -> {
            Set<?>[] captured = new Set<?>[1];
            Task<Object> t = Asyncio.createTask(script(Script.run(() -> captured[0] = Asyncio.allTasks())));
            assertTrue(captured[0].contains(t));
            assertFalse(Asyncio.allTasks().contains(t));
        });
    }

    // test_eager_task_factory.py: EagerTaskFactoryLoopTests.test_all_tasks_with_blocking
    @Test
    void aTaskBlockedAfterItsEagerStepStaysInAllTasks() {
        inMain(() -> {
            Task<Object> t = Asyncio.createTask(script(await(() -> Asyncio.sleep(1))));
            assertTrue(Asyncio.allTasks().contains(t));
        });
    }

    // test_eager_task_factory.py: DefaultTaskFactoryEagerStart.test_eager_start_true / test_eager_start_false
    @Test
    void eagerStartOverridesTheFactory() {
        loop.setTaskFactory(TaskFactory.DEFAULT);
        inMain(() -> {
            assertTrue(Asyncio.createTask(script(returning(() -> 1)), "eager", true).isDone());
            assertFalse(Asyncio.createTask(script(returning(() -> 1)), "lazy", false).isDone());
        });
        loop.setTaskFactory(TaskFactory.EAGER);
        inMain(() -> assertFalse(Asyncio.createTask(script(returning(() -> 1)), "lazy", false).isDone()));
    }

    @Test
    void outsideARunningLoopAnEagerTaskStartsLikeAnyOther() {
        Task<Object> t = loop.createTask(script(returning(() -> "later")));
        assertFalse(t.isDone());
        assertEquals("later", loop.runUntilComplete(t));
    }

    // test_eager_task_factory.py: the eager factory applies to TaskGroup tasks too
    @Test
    void taskGroupTasksStartEagerly() {
        runMain(TaskGroup.run(group -> script(Script.run(() -> {
            Task<Object> child = group.createTask(script(returning(() -> "child")));
            assertTrue(child.isDone());
            events.add("child " + child.result());
        }))));
        assertEquals(List.of("child child"), events);
    }

    @Test
    void anEagerTaskThatFailsIsReturnedFailed() {
        IllegalStateException error = new IllegalStateException("eager failure");
        inMain(() -> {
            Task<Object> t = Asyncio.createTask(script(Script.raise(() -> error)));
            assertTrue(t.isDone());
            assertSame(error, t.exception());
        });
    }
}
