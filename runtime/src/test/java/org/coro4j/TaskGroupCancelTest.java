package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.raise;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TaskGroup#cancel()} [Python 3.15], after the cancel() cases of CPython's test_taskgroups.py. */
class TaskGroupCancelTest extends VirtualLoopTest {

    private Coroutine<Object> sleepLogging(double seconds, String name) {
        return script(tryCatch(block(await(() -> Asyncio.sleep(seconds)), logTime(name + " done")), CancelledException.class,
                e -> block(logTime(name + " cancelled"), raise(() -> e))));
    }

    /** A child that takes 2 seconds to clean up once cancelled, then logs it. */
    private Coroutine<Object> slowToCancel() {
        return script(tryCatch(block(await(() -> Asyncio.sleep(10))), CancelledException.class,
                e -> block(await(() -> Asyncio.sleep(2)), logTime("child cleaned up"), raise(() -> e))));
    }

    /** Runs, as the main task, a group with {@code body}, then logs {@code after the group} with the time. */
    private void runGroupThenLog(AsyncFunction<TaskGroup, Object> body) {
        runMain(script(await(() -> TaskGroup.run(body)), logTime("after the group")));
    }

    // test_taskgroups.py (3.15): cancel() cancels the children and the body; the group exits without CancelledError
    @Test
    void cancelStopsTheBodyAndEveryChildAndTheGroupReturns() {
        Object result = runMain(script(
                await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> group.createTask(sleepLogging(10, "child 1"))),
                        Script.run(() -> group.createTask(sleepLogging(10, "child 2"))),
                        await(() -> Asyncio.sleep(1)),
                        Script.run(group::cancel),
                        await(() -> Asyncio.sleep(5)),
                        log("body went on"),
                        returning(() -> "body result"))), v -> events.add("group returned " + v)),
                logTime("after the group"),
                returning(() -> "main done")));
        assertEquals("main done", result);
        assertEquals(List.of("child 1 cancelled@1.0", "child 2 cancelled@1.0", "group returned null", "after the group@1.0"), events);
    }

    // test_taskgroups.py (3.15): cancel() from a child task
    @Test
    void aChildCanCancelItsGroup() {
        runGroupThenLog(group -> script(
                Script.run(() -> group.createTask(sleepLogging(10, "sibling"))),
                Script.run(() -> group.createTask(script(await(() -> Asyncio.sleep(2)), Script.run(group::cancel)))),
                await(() -> Asyncio.sleep(10)),
                log("body went on")));
        assertEquals(List.of("sibling cancelled@2.0", "after the group@2.0"), events);
    }

    // test_taskgroups.py (3.15): cancel() is idempotent and does nothing once the group is done
    @Test
    void cancellingTwiceOrAfterTheGroupIsDoneDoesNothing() {
        TaskGroup[] kept = new TaskGroup[1];
        Task<?>[] child = new Task<?>[1];
        runMain(script(
                await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> kept[0] = group),
                        Script.run(() -> child[0] = group.createTask(sleepLogging(10, "child"))),
                        Script.run(group::cancel),
                        Script.run(group::cancel),
                        await(() -> Asyncio.sleep(1))))),
                Script.run(() -> kept[0].cancel()),
                await(() -> Asyncio.sleep(1)),
                logTime("main went on")));
        assertTrue(child[0].isCancelled());
        List<String> expected = loop.getTaskFactory() == TaskFactory.EAGER
                ? List.of("child cancelled@0.0", "main went on@1.0") // it ran to its first await inside createTask
                : List.of("main went on@1.0"); // cancelled before its first step, so its body never ran
        assertEquals(expected, events);
    }

    @Test
    void cancelAfterTheBodyEndedStillEndsTheGroupQuietly() {
        Object result = runMain(script(await(() -> TaskGroup.run(group -> script(
                Script.run(() -> group.createTask(sleepLogging(10, "long child"))),
                Script.run(() -> group.createTask(script(await(() -> Asyncio.sleep(1)), Script.run(group::cancel)))),
                returning(() -> "body result"))), v -> events.add("group returned " + v))));
        assertNull(result);
        assertEquals(List.of("long child cancelled@1.0", "group returned body result"), events);
    }

    @Test
    void aCancellationFromOutsideStillPropagates() {
        Task<Object> outer = loop.createTask(script(await(() -> TaskGroup.run(group -> script(
                Script.run(() -> group.createTask(sleepLogging(10, "child"))),
                await(() -> Asyncio.sleep(1)),
                Script.run(group::cancel),
                await(() -> Asyncio.sleep(1)))))));
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(() -> outer.cancel())));
        runMain(script(await(() -> Asyncio.sleep(1))));
        assertTrue(outer.isCancelled());
    }

    @Test
    void aChildFailureStillRaisesTheExceptionGroupAfterCancel() {
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> runMain(TaskGroup.run(tg -> script(
                Script.run(() -> tg.createTask(script(tryCatch(block(await(() -> Asyncio.sleep(10))), CancelledException.class,
                        e -> block(raise(() -> new IllegalStateException("failed while cancelled"))))))),
                await(() -> Asyncio.sleep(1)),
                Script.run(tg::cancel),
                await(() -> Asyncio.sleep(1))))));
        assertEquals(1, group.getExceptions().size());
        assertEquals("failed while cancelled", group.getExceptions().get(0).getMessage());
        assertFalse(loop.isClosed());
    }

    // Port of test_taskgroups.py TestTaskGroup.test_taskgroup_cancel_before_create_task
    @Test
    void createTaskAfterCancelIsRefused() {
        String[] message = new String[1];
        runMain(script(await(() -> TaskGroup.run(group -> script(
                Script.run(group::cancel),
                Script.run(() -> message[0] = assertThrows(InvalidStateException.class,
                        () -> group.createTask(sleepLogging(1, "late child"))).getMessage()),
                await(() -> Asyncio.sleep(1)),
                log("body went on")))),
                logTime("after the group")));
        assertTrue(message[0].endsWith(" is shutting down"), message[0]);
        assertEquals(List.of("after the group@0.0"), events);
    }

    // Port of test_taskgroups.py TestTaskGroup.test_taskgroup_cancel_from_child_before_first_suspension
    @Test
    void anEagerChildThatCancelsItsGroupBeforeItFirstSuspendsIsCancelled() {
        loop.setTaskFactory(TaskFactory.EAGER);
        Task<?>[] child = new Task<?>[1];
        runMain(script(
                await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> child[0] = group.createTask(script(
                                Script.run(group::cancel),
                                log("child cancelled its group"),
                                await(() -> Asyncio.sleep(1)),
                                log("child went on")))),
                        await(() -> Asyncio.sleep(1)),
                        log("body went on")))),
                logTime("after the group")));
        assertTrue(child[0].isCancelled());
        assertEquals(List.of("child cancelled its group", "after the group@0.0"), events);
    }

    // Port of test_taskgroups.py TestTaskGroup.test_taskgroup_cancel_keeps_outer_cancellation
    @Test
    void aCancellationFromOutsideWhileTheCancelledGroupWaitsIsKept() {
        Task<Object> outer = loop.createTask(script(
                await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> group.createTask(slowToCancel())),
                        await(() -> Asyncio.sleep(1)),
                        Script.run(group::cancel),
                        await(() -> Asyncio.sleep(10))))),
                logTime("outer went on")));
        runMain(script(await(() -> Asyncio.sleep(2)), Script.run(() -> outer.cancel()), await(() -> Asyncio.sleep(5))));
        assertTrue(outer.isCancelled());
        assertEquals(List.of("child cleaned up@3.0"), events);
    }

    // Port of test_taskgroups.py TestTaskGroup.test_taskgroup_cancel_keeps_outer_cancellation, the group cancelled by a child after the body ended
    @Test
    void aCancellationFromOutsideWhileAGroupCancelledAfterItsBodyWaitsIsKept() {
        Task<Object> outer = loop.createTask(script(
                await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> group.createTask(slowToCancel())),
                        Script.run(() -> group.createTask(script(await(() -> Asyncio.sleep(1)), Script.run(group::cancel))))))),
                logTime("outer went on")));
        runMain(script(await(() -> Asyncio.sleep(2)), Script.run(() -> outer.cancel()), await(() -> Asyncio.sleep(5))));
        assertTrue(outer.isCancelled());
        assertEquals(List.of("child cleaned up@3.0"), events);
    }

    // test_taskgroups.py (3.15): cancel() leaves a child that is already done as it finished
    @Test
    void aChildAlreadyDoneKeepsItsResultWhenTheGroupIsCancelled() {
        Task<?>[] done = new Task<?>[1];
        runMain(script(
                await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> done[0] = group.createTask(sleeper(1, "quick child", "quick result"))),
                        Script.run(() -> group.createTask(sleepLogging(10, "slow child"))),
                        await(() -> Asyncio.sleep(2)),
                        Script.run(group::cancel),
                        await(() -> Asyncio.sleep(1))))),
                logTime("after the group")));
        assertFalse(done[0].isCancelled());
        assertEquals("quick result", done[0].result());
        assertEquals(List.of("quick child@1.0", "slow child cancelled@2.0", "after the group@2.0"), events);
    }

    // test_taskgroups.py (3.15): an eager child that cancels its group and finishes without suspending keeps its result
    @Test
    void anEagerChildThatCancelsItsGroupAndFinishesAtOnceKeepsItsResult() {
        loop.setTaskFactory(TaskFactory.EAGER);
        Task<?>[] child = new Task<?>[1];
        Object result = runMain(script(
                await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> child[0] = group.createTask(script(Script.run(group::cancel), returning(() -> "eager result")))),
                        log("body went on after createTask"),
                        await(() -> Asyncio.sleep(1)),
                        log("body went on")))),
                logTime("after the group"),
                returning(() -> "main done")));
        assertEquals("main done", result);
        assertEquals("eager result", child[0].result());
        assertEquals(List.of("body went on after createTask", "after the group@0.0"), events);
    }

    // test_taskgroups.py (3.15): the docs' remote use, cancel() handed to a task outside the group
    @Test
    void aTaskOutsideTheGroupCanCancelIt() {
        TaskGroup[] kept = new TaskGroup[1];
        Task<Object> remote = loop.createTask(script(
                await(() -> Asyncio.sleep(2)),
                Script.run(() -> kept[0].cancel()),
                logTime("remote cancelled the group"),
                await(() -> Asyncio.sleep(1)),
                logTime("remote went on")));
        int[] cancelling = new int[1];
        runMain(script(
                await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> kept[0] = group),
                        Script.run(() -> group.createTask(sleepLogging(10, "child"))),
                        await(() -> Asyncio.sleep(10)),
                        log("body went on")))),
                logTime("after the group"),
                Script.run(() -> cancelling[0] = Asyncio.currentTask().cancelling()),
                await(() -> remote)));
        assertEquals(0, cancelling[0], "the group withdrew the cancellation it asked for");
        assertEquals(List.of("remote cancelled the group@2.0", "child cancelled@2.0", "after the group@2.0", "remote went on@3.0"), events);
    }

    // test_taskgroups.py (3.15): the body runs on after cancel() up to its next suspension, and is cancelled there
    @Test
    void theBodyRunsOnUntilItsNextSuspension() {
        runGroupThenLog(group -> script(
                Script.run(group::cancel),
                log("body went on to its next await"),
                await(() -> Asyncio.sleep(0)),
                log("body went on after it")));
        assertEquals(List.of("body went on to its next await", "after the group@0.0"), events);
    }

    // test_taskgroups.py (3.15): a body that cancels its group as its last step, with nothing to wait for, returns its result
    @Test
    void aBodyThatCancelsAsItsLastStepReturnsAndItsTaskIsNotCancelled() {
        runMain(script(
                await(() -> TaskGroup.run(group -> script(Script.run(group::cancel), returning(() -> "body result"))),
                        v -> events.add("group returned " + v)),
                await(() -> Asyncio.sleep(1)),
                logTime("main went on")));
        assertEquals(List.of("group returned body result", "main went on@1.0"), events);
    }

    // The case raised in the review of gh-127214 (proposed there as test_taskgroup_throw_inside):
    // a body that fails after cancel() makes the group throw the ExceptionGroup, and leaves no cancellation behind
    @Test
    void aBodyThatFailsAfterCancelRaisesTheExceptionGroup() {
        int[] cancelling = {-1, -1};
        IllegalStateException failure = new IllegalStateException("body failed after cancel()");
        runMain(script(
                tryCatch(block(await(() -> TaskGroup.run(group -> script(
                        Script.run(() -> group.createTask(sleepLogging(0.1, "child"))),
                        await(() -> Asyncio.sleep(0)),
                        Script.run(group::cancel),
                        Script.run(() -> cancelling[0] = Asyncio.currentTask().cancelling()),
                        raise(() -> failure))))), ExceptionGroup.class, e -> block(
                        Script.run(() -> events.add("caught " + ((ExceptionGroup) e).getExceptions())),
                        Script.run(() -> cancelling[1] = Asyncio.currentTask().cancelling()))),
                await(() -> Asyncio.sleep(1)),
                logTime("main went on")));
        assertEquals(1, cancelling[0], "cancel() asked to cancel the task running the group");
        assertEquals(0, cancelling[1]);
        assertEquals(List.of("child cancelled@0.0", "caught [" + failure + "]", "main went on@1.0"), events);
    }

    // test_taskgroups.py (3.15): the docs' "once the group's goal has been met": the first child to finish cancels the
    // group; it is itself a task of the group, so like any task cancelled while it runs it ends cancelled
    @Test
    void theFirstChildToFinishCancelsItsGroupAndItsSiblings() {
        Object[] outcome = new Object[1];
        Task<?>[] children = new Task<?>[2];
        runGroupThenLog(group -> script(
                Script.run(() -> children[0] = group.createTask(script(await(() -> Asyncio.sleep(1)),
                        Script.run(() -> outcome[0] = "fast"), Script.run(group::cancel), returning(() -> "fast")))),
                Script.run(() -> children[1] = group.createTask(sleepLogging(5, "slow")))));
        assertEquals("fast", outcome[0]);
        assertTrue(children[0].isCancelled(), "cancelled while it ran, so its result is dropped, as asyncio's Task does");
        assertTrue(children[1].isCancelled());
        assertEquals(List.of("slow cancelled@1.0", "after the group@1.0"), events);
    }

    // test_taskgroups.py (3.15): cancelling an inner group leaves the outer group and its task alone
    @Test
    void cancellingAnInnerGroupLeavesTheOuterGroupRunning() {
        Object result = runMain(TaskGroup.run(outer -> script(
                Script.run(() -> outer.createTask(sleeper(3, "outer child done", null))),
                await(() -> TaskGroup.run(inner -> script(
                        Script.run(() -> inner.createTask(sleepLogging(10, "inner child"))),
                        await(() -> Asyncio.sleep(1)),
                        Script.run(inner::cancel),
                        await(() -> Asyncio.sleep(10))))),
                logTime("after the inner group"),
                await(() -> Asyncio.sleep(1)),
                logTime("outer body went on"),
                returning(() -> "outer result"))));
        assertEquals("outer result", result);
        assertEquals(List.of("inner child cancelled@1.0", "after the inner group@1.0", "outer body went on@2.0", "outer child done@3.0"),
                events);
    }

    // test_taskgroups.py (3.15): cancelling an outer group stops an inner group running in its body, which raises
    // CancelledException into the outer group's body; the outer group swallows it
    @Test
    void cancellingAnOuterGroupStopsAnInnerGroupInItsBody() {
        runMain(script(
                await(() -> TaskGroup.run(outer -> script(
                        Script.run(() -> outer.createTask(script(await(() -> Asyncio.sleep(1)), Script.run(outer::cancel)))),
                        tryCatch(block(await(() -> TaskGroup.run(inner -> script(
                                Script.run(() -> inner.createTask(sleepLogging(10, "inner child"))),
                                await(() -> Asyncio.sleep(10)))))), CancelledException.class,
                                e -> block(logTime("inner group raised CancelledException"), raise(() -> e))),
                        log("outer body went on")))),
                logTime("after the outer group")));
        assertEquals(List.of("inner child cancelled@1.0", "inner group raised CancelledException@1.0", "after the outer group@1.0"), events);
    }
}
