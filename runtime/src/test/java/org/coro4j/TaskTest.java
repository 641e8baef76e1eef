package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.named;
import static org.coro4j.Script.raise;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.coro4j.Script.tryFinally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tasks and cancellation, ported from CPython's Lib/test/test_asyncio/test_tasks.py. */
class TaskTest extends VirtualLoopTest {

    private Coroutine<Object> awaiting(Future<?> future) {
        return script(await(() -> future, v -> events.add("got " + v)), returning(() -> "done"));
    }

    // test_tasks.py: test_task_basics
    @Test
    void awaitingCoroutinesInsideATaskReturnsTheirResults() {
        Coroutine<Integer> outer = script(
                await(() -> script(returning(() -> 1000)), v -> events.add("a=" + v)),
                await(() -> script(await(() -> Asyncio.sleep(0)), returning(() -> 42)), v -> events.add("b=" + v)),
                returning(() -> 1042));
        assertEquals(1042, runMain(outer));
        assertEquals(List.of("a=1000", "b=42"), events);
    }

    // test_tasks.py: test_step_result_future
    @Test
    void aTaskResumesWithTheResultOfTheFutureItAwaited() {
        Future<String> f = new Future<>(loop);
        Task<Object> t = loop.createTask(awaiting(f));
        loop.callLater(1, () -> f.setResult("a"));
        assertEquals("done", loop.runUntilComplete(t));
        assertEquals(List.of("got a"), events);
        assertEquals(1.0, loop.time());
    }

    // test_tasks.py: test_sleep
    @Test
    void sleepReturnsItsResultAfterTheDelay() {
        Object[] slept = new Object[1];
        runMain(script(await(() -> Asyncio.sleep(0.5, "yeah"), v -> slept[0] = v)));
        assertEquals("yeah", slept[0]);
        assertEquals(0.5, loop.time());
    }

    // test_tasks.py: test_sleep_cancel
    @Test
    void cancellingASleepingTaskCancelsTheSleep() {
        Future<?>[] sleep = new Future<?>[1];
        Task<Object> t = loop.createTask(script(await(() -> sleep[0] = Asyncio.sleep(10, "yeah"))));
        loop.callLater(0.5, t::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(sleep[0].isCancelled());
        assertEquals(0.5, loop.time());
    }

    // test_tasks.py: test_cancel
    @Test
    void aCancelledTaskStopsAtItsSuspensionPoint() {
        Task<Object> t = loop.createTask(script(logTime("start"), await(() -> Asyncio.sleep(10)), logTime("never")));
        loop.callLater(1, t::cancel);
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
        assertFalse(t.cancel());
        assertEquals(List.of("start@0.0"), events);
        assertEquals(1.0, loop.time());
    }

    // test_tasks.py: test_task_cancel_message_getter
    @Test
    void cancelWithMessageGivesTheMessageToTheCancelledException() {
        Task<Object> t = loop.createTask(script(await(() -> Asyncio.sleep(10))));
        loop.callLater(1, () -> t.cancel("my message"));
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("my message", e.getMessage());
    }

    // test_tasks.py: test_cancel_with_message_then_future_result
    @Test
    void theCancelledTasksResultThrowsWithTheMessage() {
        Task<Object> t = loop.createTask(script(await(() -> Asyncio.sleep(10))));
        runMain(script(await(() -> Asyncio.sleep(0)), Script.run(() -> t.cancel("my message")),
                tryCatch(block(await(() -> t)), CancelledException.class, e -> block(log("caught " + e.getMessage())))));
        assertEquals(List.of("caught my message"), events);
        assertEquals("my message", assertThrows(CancelledException.class, t::result).getMessage());
    }

    // test_tasks.py: test_cancel_with_message_then_future_exception
    @Test
    void theCancelledTasksExceptionThrowsWithTheMessage() {
        Task<Object> t = loop.createTask(script(await(() -> Asyncio.sleep(10))));
        loop.callLater(1, () -> t.cancel("my message"));
        runMain(script(await(() -> Asyncio.sleep(2))));
        assertEquals("my message", assertThrows(CancelledException.class, t::exception).getMessage());
    }

    // asyncio's Task.cancel(): the first call cancels the awaited future, a second only sets must-cancel
    @Test
    void aTaskCancelledTwiceBeforeItResumesGetsTheFirstMessageFromItsCancelledFuture() {
        Future<Object> awaited = new Future<>(loop);
        Task<Object> t = loop.createTask(script(await(() -> awaited)));
        runMain(script(await(() -> Asyncio.sleep(0)), Script.run(() -> {
            t.cancel("first");
            t.cancel("second");
        })));
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("first", e.getMessage());
        assertTrue(awaited.isCancelled());
        assertEquals(2, t.cancelling());
    }

    // asyncio's Task.__wakeup: the task takes its awaited future's outcome even when it is cancelled before it resumes
    @Test
    void aTaskCancelledAfterItsFutureFailedRetrievesTheFailureSoItIsNotReported() {
        Future<Object> awaited = new Future<>(loop);
        Task<Object> t = loop.createTask(script(await(() -> awaited)));
        runMain(script(await(() -> Asyncio.sleep(0)), Script.run(() -> {
            awaited.setException(new IllegalStateException("boom"));
            t.cancel("after the failure");
        })));
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("after the failure", e.getMessage());
        loop.close();
        assertEquals(List.of(), reported);
    }

    // test_tasks.py: test_cancel_with_message_before_starting_task
    @Test
    void aTaskCancelledBeforeItsFirstStepNeverRunsItsBody() {
        Task<Object> t = loop.createTask(script(log("body ran")));
        t.cancel("my message");
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("my message", e.getMessage());
        assertEquals(List.of(), events);
        assertTrue(t.isCancelled());
    }

    // test_tasks.py: test_cancel_yield
    @Test
    void aTaskCancelledAtABareYieldIsCancelledWhenItResumes() {
        Task<Object> t = loop.createTask(script(
                await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0)), log("never")));
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertTrue(t.cancel());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
        assertEquals(List.of(), events);
    }

    // test_tasks.py: test_cancel_inner_future
    @Test
    void cancellingATaskCancelsTheFutureItAwaits() {
        Future<String> f = new Future<>(loop);
        Task<Object> t = loop.createTask(awaiting(f));
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertTrue(t.cancel());
        assertTrue(f.isCancelled());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
    }

    // test_tasks.py: test_cancel_both_task_and_inner_future
    @Test
    void cancellingTheInnerFutureAndThenTheTaskCancelsTheTask() {
        Future<String> f = new Future<>(loop);
        Task<Object> t = loop.createTask(awaiting(f));
        runMain(script(await(() -> Asyncio.sleep(0))));
        f.cancel();
        t.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isDone());
        assertTrue(f.isCancelled());
        assertTrue(t.isCancelled());
    }

    // test_tasks.py: test_cancel_task_catching
    @Test
    void aTaskThatCatchesTheCancellationFinishesNormally() {
        Future<String> f = new Future<>(loop);
        Task<Object> t = loop.createTask(script(tryCatch(block(await(() -> f)),
                CancelledException.class, e -> block(returning(() -> 42)))));
        runMain(script(await(() -> Asyncio.sleep(0))));
        t.cancel();
        assertTrue(f.isCancelled());
        assertEquals(42, loop.runUntilComplete(t));
        assertFalse(t.isCancelled());
    }

    // test_tasks.py: test_cancel_task_ignoring
    @Test
    void aTaskThatIgnoresTheCancellationKeepsAwaiting() {
        Future<String> f1 = new Future<>(loop);
        Future<String> f2 = new Future<>(loop);
        Future<Integer> f3 = new Future<>(loop);
        Task<Object> t = loop.createTask(script(
                await(() -> f1),
                tryCatch(block(await(() -> f2)), CancelledException.class, e -> block()),
                await(() -> f3, v -> events.add("f3=" + v)),
                returning(() -> "finished")));
        runMain(script(await(() -> Asyncio.sleep(0))));
        f1.setResult(null);
        runMain(script(await(() -> Asyncio.sleep(0))));
        t.cancel();
        assertTrue(f2.isCancelled());
        runMain(script(await(() -> Asyncio.sleep(0))));
        f3.setResult(42);
        assertEquals("finished", loop.runUntilComplete(t));
        assertEquals(List.of("f3=42"), events);
        assertFalse(f3.isCancelled());
        assertFalse(t.isCancelled());
    }

    // test_tasks.py: test_cancel_current_task
    @Test
    void aTaskCancellingItselfIsCancelledAtItsNextSuspension() {
        Task<?>[] self = new Task<?>[1];
        Task<Object> t = loop.createTask(script(
                Script.run(() -> self[0] = Asyncio.currentTask()),
                Script.run(() -> self[0].cancel()),
                await(() -> Asyncio.sleep(100)),
                returning(() -> 12)));
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isDone());
        assertFalse(t.cancel());
        assertEquals(0.0, loop.time());
    }

    // test_tasks.py: test_cancel_at_end
    @Test
    void aTaskCancellingItselfInItsLastStepIsCancelled() {
        Task<Object> t = loop.createTask(script(
                Script.run(() -> Asyncio.currentTask().cancel()),
                returning(() -> 12)));
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
    }

    // test_tasks.py: test_cancel_awaited_task
    @Test
    void cancellingATaskCancelsTheTaskItAwaits() {
        Task<Object> inner = loop.createTask(script(tryFinally(block(await(() -> Asyncio.sleep(10))), block(log("inner finally")))));
        Task<Object> outer = loop.createTask(script(await(() -> inner)));
        runMain(script(await(() -> Asyncio.sleep(1))));
        outer.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(outer));
        assertTrue(inner.isCancelled());
        assertEquals(List.of("inner finally"), events);
    }

    // test_tasks.py: test_yield_future_passes_cancel
    @Test
    void cancellationTravelsDownAChainOfAwaitedCoroutines() {
        Future<String> f = new Future<>(loop);
        Coroutine<Object> innermost = script(tryCatch(block(await(() -> f)), CancelledException.class,
                e -> block(log("innermost saw cancel"), raise(() -> e))));
        Coroutine<Object> middle = script(await(() -> innermost));
        Task<Object> t = loop.createTask(script(tryCatch(block(await(() -> middle)), CancelledException.class,
                e -> block(log("outer caught"), returning(() -> "recovered")))));
        runMain(script(await(() -> Asyncio.sleep(0))));
        t.cancel();
        assertEquals("recovered", loop.runUntilComplete(t));
        assertTrue(f.isCancelled());
        assertEquals(List.of("innermost saw cancel", "outer caught"), events);
    }

    // test_tasks.py: test_task_cancel_waiter_future
    @Test
    void cancellingATaskWaitingOnAFutureCancelsThatFutureOnly() {
        Future<String> f = new Future<>(loop);
        Future<String> other = new Future<>(loop);
        Task<Object> t = loop.createTask(awaiting(f));
        runMain(script(await(() -> Asyncio.sleep(0))));
        t.cancel();
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertTrue(f.isCancelled());
        assertFalse(other.isDone());
        assertTrue(t.isCancelled());
    }

    // test_tasks.py: test_cancelling
    @Test
    void cancellingCountsTheRequests() {
        Task<Object> t = loop.createTask(script(await(() -> Asyncio.sleep(10))));
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertEquals(0, t.cancelling());
        assertTrue(t.cancel());
        assertEquals(1, t.cancelling());
        assertTrue(t.cancel());
        assertEquals(2, t.cancelling());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertFalse(t.cancel());
    }

    // test_tasks.py: test_uncancel_basic
    @Test
    void uncancelWithdrawsARequestAndTheTaskCanFinish() {
        int[] seen = new int[2];
        Task<Object> t = loop.createTask(script(
                tryCatch(block(await(() -> Asyncio.sleep(10))), CancelledException.class, e -> block(
                        Script.run(() -> seen[0] = Asyncio.currentTask().cancelling()),
                        Script.run(() -> seen[1] = Asyncio.currentTask().uncancel()))),
                await(() -> Asyncio.sleep(1)),
                returning(() -> "ok")));
        runMain(script(await(() -> Asyncio.sleep(0))));
        t.cancel();
        assertEquals("ok", loop.runUntilComplete(t));
        assertEquals(1, seen[0]);
        assertEquals(0, seen[1]);
        assertEquals(0, t.cancelling());
        assertFalse(t.isCancelled());
    }

    // test_tasks.py: test_uncancel_structured_blocks (a pending request withdrawn before delivery is never delivered)
    @Test
    void uncancelBeforeDeliveryKeepsTheTaskRunning() {
        Task<Object> t = loop.createTask(script(await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(1)), returning(() -> "kept")));
        t.cancel();
        assertEquals(0, t.uncancel());
        assertEquals("kept", loop.runUntilComplete(t));
        assertEquals(1.0, loop.time());
    }

    // test_tasks.py: test_task_awaits_on_itself
    @Test
    void aTaskCannotAwaitItself() {
        Task<?>[] self = new Task<?>[1];
        Task<Object> t = loop.createTask(script(
                Script.run(() -> self[0] = Asyncio.currentTask()),
                await(() -> self[0])));
        assertThrows(InvalidStateException.class, () -> loop.runUntilComplete(t));
    }

    // test_tasks.py: test_other_loop_future
    @Test
    void aTaskCannotAwaitAFutureOfAnotherLoop() {
        EventLoop other = EventLoop.withVirtualClock();
        Future<String> foreign = new Future<>(other);
        assertThrows(AsyncUsageException.class, () -> runMain(awaiting(foreign)));
        other.close();
    }

    // test_tasks.py: test_current_task
    @Test
    void currentTaskIsTheRunningTaskAndNullOutsideOne() {
        assertNull(Asyncio.currentTask());
        Task<?>[] seen = new Task<?>[1];
        Task<Object> t = loop.createTask(script(Script.run(() -> seen[0] = Asyncio.currentTask())));
        loop.runUntilComplete(t);
        assertSame(t, seen[0]);
        loop.callSoon(() -> events.add("in callback: " + Asyncio.currentTask()));
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertEquals(List.of("in callback: null"), events);
    }

    // test_tasks.py: test_current_task_with_interleaving_tasks
    @Test
    void currentTaskFollowsInterleavingTasks() {
        Future<String> f1 = new Future<>(loop);
        Future<String> f2 = new Future<>(loop);
        List<Task<?>> seen = new ArrayList<>();
        Task<Object> t1 = loop.createTask(script(Script.run(() -> seen.add(Asyncio.currentTask())),
                await(() -> f1), Script.run(() -> f2.setResult("go")), Script.run(() -> seen.add(Asyncio.currentTask()))));
        Task<Object> t2 = loop.createTask(script(Script.run(() -> seen.add(Asyncio.currentTask())),
                Script.run(() -> f1.setResult("go")), await(() -> f2), Script.run(() -> seen.add(Asyncio.currentTask()))));
        loop.runUntilComplete(Asyncio_gather(t1, t2));
        assertEquals(List.of(t1, t2, t1, t2), seen);
    }

    private Future<List<Object>> Asyncio_gather(Future<?>... futures) {
        return Gathering.start(loop, false, List.of(futures));
    }

    // test_tasks.py: test_task_repr_autogenerated
    @Test
    void unnamedTasksAreNumberedInCreationOrder() {
        Task<Object> first = loop.createTask(script());
        Task<Object> second = loop.createTask(script());
        long n = Long.parseLong(first.getName().substring("Task-".length()));
        assertEquals("Task-" + (n + 1), second.getName());
        runMain(script());
    }

    // test_tasks.py: test_bare_create_named_task
    @Test
    void aTaskCanBeNamedAndRenamed() {
        Task<?>[] made = new Task<?>[1];
        runMain(script(Script.run(() -> made[0] = Asyncio.createTask(script(), "No-op"))));
        assertEquals("No-op", made[0].getName());
        made[0].setName("renamed");
        assertEquals("renamed", made[0].getName());
        assertTrue(made[0].toString().contains("renamed"));
    }

    // test_tasks.py: test_get_coro
    @Test
    void getCoroReturnsTheTasksCoroutine() {
        Coroutine<Object> coroutine = script();
        Task<Object> t = loop.createTask(coroutine);
        assertSame(coroutine, t.getCoro());
        loop.runUntilComplete(t);
    }

    @Test
    void aCoroutineCanBeStartedOnlyOnce() {
        Coroutine<Object> coroutine = script();
        loop.createTask(coroutine);
        assertThrows(InvalidStateException.class, () -> loop.createTask(coroutine));
        InvalidStateException[] awaitedAgain = new InvalidStateException[1];
        runMain(script(tryCatch(block(await(() -> coroutine)), InvalidStateException.class,
                e -> block(Script.run(() -> awaitedAgain[0] = (InvalidStateException) e)))));
        assertTrue(awaitedAgain[0].getMessage().contains("already started"));
    }

    @Test
    void setResultAndSetExceptionAreNotAllowedOnATask() {
        Task<Object> t = loop.createTask(script());
        assertThrows(InvalidStateException.class, () -> t.setResult("x"));
        assertThrows(InvalidStateException.class, () -> t.setException(new RuntimeException()));
        loop.runUntilComplete(t);
    }

    @Test
    void createdTasksStartAfterTheCreatorSuspendsInFifoOrder() {
        runMain(script(
                Script.run(() -> Asyncio.createTask(script(log("first")))),
                Script.run(() -> Asyncio.createTask(script(log("second")))),
                log("creator still running"),
                await(() -> Asyncio.sleep(0)),
                log("creator resumed")));
        assertEquals(List.of("creator still running", "first", "second", "creator resumed"), events);
    }

    @Test
    void awaitingADoneFutureDoesNotSuspend() {
        Future<String> done = new Future<>(loop);
        done.setResult("now");
        runMain(script(
                Script.run(() -> loop.callSoon(() -> events.add("callback"))),
                await(() -> done, v -> events.add("got " + v)),
                await(() -> Asyncio.sleep(0)),
                log("after yield")));
        assertEquals(List.of("got now", "callback", "after yield"), events);
    }

    @Test
    void allTasksListsThePendingTasksAndTheLoopKeepsThem() {
        Set<?>[] seen = new Set<?>[1];
        Task<?>[] main = new Task<?>[1];
        Task<Object> background = loop.createTask(script(await(() -> Asyncio.sleep(10))));
        runMain(script(Script.run(() -> main[0] = Asyncio.currentTask()), Script.run(() -> seen[0] = Asyncio.allTasks())));
        assertEquals(Set.of(background, main[0]), seen[0]);
        assertEquals(Set.of(background), loop.pendingTasks());
        background.cancel();
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertEquals(Set.of(), loop.pendingTasks());
    }

    @Test
    void getStackListsTheFramesATaskIsSuspendedInInnermostFirst() {
        Coroutine<Object> inner = named("inner", await(() -> Asyncio.sleep(1)));
        Task<Object> t = loop.createTask(named("outer", await(() -> inner)));
        runMain(script(await(() -> Asyncio.sleep(0))));
        List<StackTraceElement> stack = t.getStack();
        assertEquals(List.of("inner", "outer"), stack.stream().map(StackTraceElement::getMethodName).toList());
        loop.runUntilComplete(t);
        assertEquals(List.of(), t.getStack());
    }

    @Test
    void deeplyNestedAwaitsDoNotOverflowTheStack() {
        Coroutine<Object> chain = script(await(() -> Asyncio.sleep(0)), returning(() -> 0));
        for (int i = 0; i < 5000; i++) {
            Coroutine<Object> inner = chain;
            chain = script(await(() -> inner, v -> { }), returning(() -> "top"));
        }
        assertEquals("top", runMain(chain));
    }
}
