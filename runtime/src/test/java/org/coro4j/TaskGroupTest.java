package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.raise;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.coro4j.Script.tryFinally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link TaskGroup}, ported from CPython's Lib/test/test_asyncio/test_taskgroups.py. */
class TaskGroupTest extends VirtualLoopTest {
    private final Task<?>[] t = new Task<?>[2];
    private final int[] num = new int[1];

    private static Set<Class<?>> errorTypes(ExceptionGroup group) {
        return group.getExceptions().stream().map(Object::getClass).collect(Collectors.toSet());
    }

    private Coroutine<Object> crashAfter(double seconds) {
        return script(await(() -> Asyncio.sleep(seconds)), raise(() -> new ArithmeticException("/ by zero")));
    }

    /** Sleeps, counting in {@link #num} one cancellation seen, and rethrowing it. */
    private Coroutine<Object> sleepCountingCancel(double seconds, int weight) {
        return script(tryCatch(block(await(() -> Asyncio.sleep(seconds))), CancelledException.class,
                e -> block(Script.run(() -> num[0] += weight), raise(() -> e))));
    }

    private Coroutine<Object> value(double seconds, Object result) {
        return script(await(() -> Asyncio.sleep(seconds)), returning(() -> result));
    }

    // test_taskgroups.py: test_taskgroup_01
    @Test
    void theGroupWaitsForAllItsTasks() {
        runMain(TaskGroup.run(g -> script(
                Script.run(() -> t[0] = g.createTask(value(0.1, 42))),
                Script.run(() -> t[1] = g.createTask(value(0.2, 11))))));
        assertEquals(42, t[0].result());
        assertEquals(11, t[1].result());
        assertEquals(0.2, loop.time());
    }

    // test_taskgroups.py: test_taskgroup_02
    @Test
    void tasksCanBeAddedWhileTheBodyRuns() {
        runMain(TaskGroup.run(g -> script(
                Script.run(() -> t[0] = g.createTask(value(0.25, 42))),
                await(() -> Asyncio.sleep(0.5)),
                Script.run(() -> t[1] = g.createTask(value(0.25, 11))))));
        assertEquals(42, t[0].result());
        assertEquals(11, t[1].result());
        assertEquals(0.75, loop.time());
    }

    // test_taskgroups.py: test_taskgroup_03
    @Test
    void aTaskCancelledExplicitlyDoesNotFailTheGroup() {
        runMain(TaskGroup.run(g -> script(
                Script.run(() -> t[0] = g.createTask(value(1, 42))),
                await(() -> Asyncio.sleep(0.25)),
                Script.run(() -> t[0].cancel()),
                Script.run(() -> t[1] = g.createTask(value(0.25, 11))))));
        assertTrue(t[0].isCancelled());
        assertEquals(11, t[1].result());
    }

    // test_taskgroups.py: test_taskgroup_04
    @Test
    void aFailingTaskCancelsItsSiblingsAndTheGroupRaisesAnExceptionGroup() {
        Task<Object> runner = loop.createTask(script(
                await(() -> TaskGroup.run(g -> script(
                        Script.run(() -> g.createTask(crashAfter(0.1))),
                        Script.run(() -> t[1] = g.createTask(sleepCountingCancel(1, 1)))))),
                Script.run(() -> num[0] += 10)));
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(runner));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(group));
        assertEquals(1, num[0]);
        assertTrue(t[1].isCancelled());
    }

    // test_taskgroups.py: test_cancel_children_on_child_error
    @Test
    void aChildFailureCancelsTheOtherChildrenAndTheBody() {
        boolean[] bodyCancelled = new boolean[1];
        Task<Object> runner = loop.createTask(script(
                await(() -> TaskGroup.run(g -> script(
                        Script.run(() -> g.createTask(crashAfter(0.1))),
                        Script.run(() -> g.createTask(crashAfter(0.1))),
                        Script.run(() -> g.createTask(crashAfter(0.1))),
                        Script.run(() -> t[1] = g.createTask(sleepCountingCancel(5, 1))),
                        tryCatch(block(await(() -> Asyncio.sleep(10))), CancelledException.class,
                                e -> block(Script.run(() -> bodyCancelled[0] = true), raise(() -> e)))))),
                Script.run(() -> num[0] += 10)));
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(runner));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(group));
        assertEquals(3, group.getExceptions().size());
        assertEquals(1, num[0]);
        assertTrue(bodyCancelled[0]);
        assertEquals(0.1, loop.time());
    }

    // test_taskgroups.py: test_cancellation
    @Test
    void cancellingTheGroupsTaskCancelsTheChildrenAndKeepsTheMessage() {
        Task<Object> runner = loop.createTask(TaskGroup.run(g -> script(Script.run(() -> {
            for (int i = 0; i < 5; i++) {
                g.createTask(sleepCountingCancel(5, 1));
            }
        }))));
        runMain(script(await(() -> Asyncio.sleep(0.1))));
        assertFalse(runner.isDone());
        runner.cancel("test");
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(runner));
        assertEquals("test", e.getMessage());
        assertEquals(5, num[0]);
    }

    // test_taskgroups.py: test_taskgroup_07
    @Test
    void cancellingTheGroupsTaskCancelsTheBodyToo() {
        Task<Object> runner = loop.createTask(TaskGroup.run(g -> script(
                Script.run(() -> {
                    for (int i = 0; i < 5; i++) {
                        g.createTask(sleepCountingCancel(5, 1));
                    }
                }),
                await(() -> sleepCountingCancel(10, 10)))));
        runMain(script(await(() -> Asyncio.sleep(0.1))));
        runner.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(runner));
        assertEquals(15, num[0]);
    }

    // test_taskgroups.py: test_cancellation_in_body
    @Test
    void anOutsideCancellationStaysACancellationEvenIfChildrenFail() {
        Task<Object> runner = loop.createTask(TaskGroup.run(g -> script(
                Script.run(() -> {
                    for (int i = 0; i < 5; i++) {
                        g.createTask(crashAfter(0.25));
                    }
                }),
                await(() -> Asyncio.sleep(10)))));
        runMain(script(await(() -> Asyncio.sleep(0.1))));
        runner.cancel("test");
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(runner));
        assertEquals("test", e.getMessage());
    }

    // test_taskgroups.py: test_taskgroup_09
    @Test
    void aBodyFailureAfterASuspensionCancelsTheChildren() {
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> runMain(TaskGroup.run(g -> script(
                Script.run(() -> t[0] = g.createTask(value(1, 42))),
                Script.run(() -> t[1] = g.createTask(value(2, 11))),
                await(() -> Asyncio.sleep(0.1)),
                raise(() -> new ArithmeticException("/ by zero"))))));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(group));
        assertTrue(t[0].isCancelled());
        assertTrue(t[1].isCancelled());
    }

    // test_taskgroups.py: test_taskgroup_10
    @Test
    void aBodyFailureBeforeAnySuspensionCancelsTheChildren() {
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> runMain(TaskGroup.run(g -> script(
                Script.run(() -> t[0] = g.createTask(value(1, 42))),
                Script.run(() -> t[1] = g.createTask(value(2, 11))),
                raise(() -> new ArithmeticException("/ by zero"))))));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(group));
        assertTrue(t[0].isCancelled());
        assertTrue(t[1].isCancelled());
        assertEquals(0.0, loop.time());
    }

    // test_taskgroups.py: test_taskgroup_11
    @Test
    void cancellingNestedGroupsRaisesCancelled() {
        Task<Object> runner = loop.createTask(TaskGroup.run(outer -> script(await(() -> TaskGroup.run(inner -> script(
                Script.run(() -> {
                    for (int i = 0; i < 5; i++) {
                        inner.createTask(crashAfter(0.25));
                    }
                }),
                await(() -> Asyncio.sleep(10))))))));
        runMain(script(await(() -> Asyncio.sleep(0.1))));
        assertFalse(runner.isDone());
        runner.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(runner));
    }

    // test_taskgroups.py: test_taskgroup_13
    @Test
    void anOuterChildFailureCancelsTheInnerGroup() {
        Task<Object> runner = loop.createTask(TaskGroup.run(g1 -> script(
                Script.run(() -> g1.createTask(crashAfter(0.1))),
                await(() -> TaskGroup.run(g2 -> script(Script.run(() -> g2.createTask(crashAfter(10)))))))));
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(runner));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(group));
        assertEquals(0.1, loop.time());
    }

    // test_taskgroups.py: test_taskgroup_14
    @Test
    void anInnerGroupsFailureReachesTheOuterGroupAsANestedGroup() {
        Task<Object> runner = loop.createTask(TaskGroup.run(g1 -> script(
                Script.run(() -> g1.createTask(crashAfter(10))),
                await(() -> TaskGroup.run(g2 -> script(Script.run(() -> g2.createTask(crashAfter(0.1)))))))));
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(runner));
        assertEquals(Set.of(ExceptionGroup.class), errorTypes(group));
        assertEquals(Set.of(ArithmeticException.class), errorTypes((ExceptionGroup) group.getExceptions().get(0)));
    }

    // test_taskgroups.py: test_taskgroup_17
    @Test
    void cancellingAnEmptyGroupsTaskCancelsItsBody() {
        Task<Object> runner = loop.createTask(TaskGroup.run(g -> script(await(() -> sleepCountingCancel(10, 10)))));
        runMain(script(await(() -> Asyncio.sleep(0.1))));
        runner.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(runner));
        assertEquals(10, num[0]);
    }

    // test_taskgroups.py: test_taskgroup_18
    @Test
    void aBodyReplacingTheCancellationWithAnErrorRaisesAGroup() {
        Task<Object> runner = loop.createTask(TaskGroup.run(g -> script(tryCatch(block(await(() -> Asyncio.sleep(10))),
                CancelledException.class, e -> block(Script.run(() -> num[0] += 10), raise(() -> new IllegalStateException("my")))))));
        runMain(script(await(() -> Asyncio.sleep(0.1))));
        runner.cancel();
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> loop.runUntilComplete(runner));
        assertEquals(Set.of(IllegalStateException.class), errorTypes(group));
        assertEquals(10, num[0]);
    }

    // test_taskgroups.py: test_taskgroup_19
    @Test
    void theBodysFailureIsGroupedWithTheChildrens() {
        Coroutine<Object> nested = script(tryFinally(block(await(() -> Asyncio.sleep(10))),
                block(raise(() -> new IllegalStateException("my")))));
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> runMain(TaskGroup.run(g -> script(
                Script.run(() -> g.createTask(crashAfter(0.1))),
                await(() -> nested)))));
        assertEquals(Set.of(IllegalStateException.class, ArithmeticException.class), errorTypes(group));
        assertInstanceOf(ArithmeticException.class, group.getExceptions().get(0));
        assertInstanceOf(IllegalStateException.class, group.getExceptions().get(1));
    }

    @Test
    void theGroupReturnsTheBodysResult() {
        assertEquals("body", runMain(TaskGroup.run(g -> script(
                Script.run(() -> g.createTask(value(1, "child"))), returning(() -> "body")))));
        assertEquals(1.0, loop.time());
    }

    @Test
    void theTaskRunningAGroupThatFailedIsNotLeftCancelling() {
        Task<Object> runner = loop.createTask(script(
                tryCatch(block(await(() -> TaskGroup.run(g -> script(
                        Script.run(() -> g.createTask(crashAfter(0.1))),
                        await(() -> Asyncio.sleep(10)))))), ExceptionGroup.class, e -> block(logTime("caught group"))),
                await(() -> Asyncio.sleep(1)),
                logTime("went on")));
        loop.runUntilComplete(runner);
        assertEquals(List.of("caught group@0.1", "went on@1.1"), events);
        assertEquals(0, runner.cancelling());
        assertFalse(runner.isCancelled());
    }

    @Test
    void noTaskCanBeCreatedAfterTheGroupEnded() {
        TaskGroup[] group = new TaskGroup[1];
        runMain(TaskGroup.run(g -> script(Script.run(() -> group[0] = g))));
        assertThrows(InvalidStateException.class, () -> group[0].createTask(script()));
    }

    @Test
    void noTaskCanBeCreatedWhileTheGroupIsShuttingDown() {
        Object[] refused = new Object[1];
        assertThrows(ExceptionGroup.class, () -> runMain(TaskGroup.run(g -> script(
                Script.run(() -> g.createTask(crashAfter(0.1))),
                tryCatch(block(await(() -> Asyncio.sleep(10))), CancelledException.class, e -> block(
                        Script.run(() -> refused[0] = assertThrows(InvalidStateException.class, () -> g.createTask(script()))),
                        raise(() -> e)))))));
        assertTrue(((Throwable) refused[0]).getMessage().contains("shutting down"));
    }
}
