package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.loopWhile;
import static org.coro4j.Script.raise;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Asyncio#gather}, ported from the gather tests in CPython's test_tasks.py. */
class GatherTest extends VirtualLoopTest {

    private Future<Object> future() {
        return new Future<>(loop);
    }

    private void runBriefly() {
        runMain(script(await(() -> Asyncio.sleep(0))));
    }

    private Future<List<Object>> gather(Object... awaitables) {
        return Gathering.start(loop, false, Arrays.asList(awaitables));
    }

    private Future<List<Object>> gatherReturningExceptions(Object... awaitables) {
        return Gathering.start(loop, true, Arrays.asList(awaitables));
    }

    // test_tasks.py: test_constructor_empty_sequence
    @Test
    void gatheringNothingIsDoneAtOnceWithAnEmptyList() {
        Future<List<Object>> all = gather();
        assertTrue(all.isDone());
        assertEquals(List.of(), all.result());
    }

    // test_tasks.py: test_result_exception_success
    @Test
    void resultsComeInArgumentOrderWhateverTheCompletionOrder() {
        Future<Object> a = future();
        Future<Object> b = future();
        Future<Object> c = future();
        Future<List<Object>> all = gather(a, b, c);
        b.setResult(1);
        a.setResult(2);
        c.setResult(3);
        runBriefly();
        assertEquals(List.of(2, 1, 3), all.result());
    }

    // test_tasks.py: test_one_exception
    @Test
    void theFirstExceptionFailsTheGatheringAndLaterOnesAreIgnored() {
        Future<Object> a = future();
        Future<Object> b = future();
        Future<Object> c = future();
        Future<Object> d = future();
        Future<List<Object>> all = gather(a, b, c, d);
        all.addDoneCallback(f -> events.add("done"));
        ArithmeticException error = new ArithmeticException("/ by zero");
        a.setResult(1);
        b.setException(error);
        runBriefly();
        assertTrue(all.isDone());
        assertSame(error, all.exception());
        c.setResult(3);
        d.setException(new IllegalStateException());
        runBriefly();
        assertEquals(List.of("done"), events);
        loop.close();
        assertEquals(List.of(), reported);
    }

    // test_tasks.py: test_return_exceptions
    @Test
    void withReturnExceptionsFailuresAreResults() {
        Future<Object> a = future();
        Future<Object> b = future();
        Future<Object> c = future();
        Future<List<Object>> all = gatherReturningExceptions(a, b, c);
        IllegalStateException first = new IllegalStateException("1");
        IllegalArgumentException second = new IllegalArgumentException("2");
        c.setException(second);
        a.setResult(3);
        b.setException(first);
        runBriefly();
        assertEquals(List.of(3, first, second), all.result());
    }

    // test_tasks.py: test_one_cancellation
    @Test
    void aCancelledChildFailsTheGatheringWithCancelledExceptionWithoutCancellingIt() {
        Future<Object> a = future();
        Future<Object> b = future();
        Future<Object> c = future();
        Future<List<Object>> all = gather(a, b, c);
        a.setResult(1);
        b.cancel("child stopped");
        runBriefly();
        assertTrue(all.isDone());
        assertFalse(all.isCancelled());
        assertInstanceOf(CancelledException.class, all.exception());
        assertEquals("child stopped", all.exception().getMessage());
        c.setResult(3);
    }

    // test_tasks.py: test_result_exception_one_cancellation
    @Test
    void withReturnExceptionsACancelledChildGivesACancelledExceptionResult() {
        Future<Object> a = future();
        Future<Object> b = future();
        Future<Object> c = future();
        Future<List<Object>> all = gatherReturningExceptions(a, b, c);
        ArithmeticException error = new ArithmeticException();
        a.setResult(1);
        b.setException(error);
        c.cancel();
        runBriefly();
        List<Object> results = all.result();
        assertEquals(1, results.get(0));
        assertSame(error, results.get(1));
        assertInstanceOf(CancelledException.class, results.get(2));
    }

    // test_tasks.py: test_cancellation_broadcast
    @Test
    void cancellingTheTaskAwaitingAGatheringCancelsEveryChild() {
        Future<Object> waiter = future();
        int[] proof = new int[1];
        Task<Object> child1 = loop.createTask(script(await(() -> waiter), Script.run(() -> proof[0] += 1)));
        Task<Object> child2 = loop.createTask(script(await(() -> waiter), Script.run(() -> proof[0] += 1)));
        Future<?>[] gathering = new Future<?>[1];
        Task<Object> outer = loop.createTask(script(
                await(() -> gathering[0] = Asyncio.gather(child1, child2)),
                Script.run(() -> proof[0] += 100)));
        runBriefly();
        assertTrue(outer.cancel());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(outer));
        assertFalse(gathering[0].cancel());
        assertTrue(waiter.isCancelled());
        assertTrue(child1.isCancelled());
        assertTrue(child2.isCancelled());
        runBriefly();
        assertEquals(0, proof[0]);
    }

    // test_tasks.py: test_exception_marking
    @Test
    void laterChildExceptionsAreMarkedRetrieved() {
        Future<Object> a = future();
        Future<Object> b = future();
        Task<Object> outer = loop.createTask(script(await(() -> Asyncio.gather(
                script(await(() -> a), raise(() -> new IllegalStateException("should not be ignored"))),
                script(await(() -> b), raise(() -> new IllegalStateException("should not be ignored")))))));
        runBriefly();
        a.setResult(null);
        runBriefly();
        b.setResult(null);
        runBriefly();
        assertInstanceOf(IllegalStateException.class, outer.exception());
        loop.close();
        assertEquals(List.of(), reported);
    }

    // test_tasks.py: test_duplicate_coroutines
    @Test
    void aCoroutinePassedTwiceRunsOnce() {
        int[] runs = new int[1];
        Coroutine<Object> abc = script(Script.run(() -> runs[0]++), returning(() -> "abc"));
        Coroutine<Object> def = script(returning(() -> "def"));
        List<Object> results = loop.runUntilComplete(gather(abc, abc, def, abc));
        assertEquals(List.of("abc", "abc", "def", "abc"), results);
        assertEquals(1, runs[0]);
    }

    // test_tasks.py: test_cancel_gather_2
    @Test
    void theCancelMessageTravelsThroughAGathering() {
        double[] delay = new double[1];
        Task<Object> inner = loop.createTask(script(loopWhile(() -> true, block(
                Script.run(() -> delay[0] += 0.25),
                await(() -> Asyncio.gather(Asyncio.sleep(delay[0])))))));
        String[] message = new String[1];
        runMain(script(
                await(() -> Asyncio.sleep(1)),
                Script.run(() -> inner.cancel("my message")),
                tryCatch(block(await(() -> inner)), CancelledException.class,
                        e -> block(Script.run(() -> message[0] = e.getMessage())))));
        assertEquals("my message", message[0]);
        assertTrue(inner.isCancelled());
    }

    @Test
    void cancellingAGatheringCancelsItsChildrenAndItEndsCancelled() {
        Task<Object> sleeper = loop.createTask(script(await(() -> Asyncio.sleep(5))));
        Future<Object> plain = future();
        Future<List<Object>> all = gather(sleeper, plain);
        runBriefly();
        assertTrue(all.cancel());
        assertTrue(plain.isCancelled());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(all));
        assertTrue(sleeper.isCancelled());
        assertTrue(all.isDone());
    }

    // test_tasks.py: test_duplicate_coroutines, with futures
    @Test
    void aFuturePassedTwiceGivesItsResultAtBothPlaces() {
        Future<Object> pending = future();
        Future<Object> done = future();
        done.setResult("done");
        Future<Object> other = future();
        Future<List<Object>> all = gather(pending, done, other, pending, done);
        other.setResult("other");
        runBriefly();
        assertFalse(all.isDone());
        pending.setResult("pending");
        runBriefly();
        assertEquals(List.of("pending", "done", "other", "pending", "done"), all.result());
    }

    @Test
    void aFailedFuturePassedTwiceFailsTheGatheringOnceAndIsRetrieved() {
        Future<Object> failing = future();
        Future<Object> other = future();
        Future<List<Object>> all = gather(failing, other, failing);
        IllegalStateException error = new IllegalStateException("boom");
        failing.setException(error);
        runBriefly();
        assertSame(error, all.exception());
        other.setResult(1);
        runBriefly();
        loop.close();
        assertEquals(List.of(), reported);
    }

    @Test
    void aStartedCoroutineNotPassedEarlierInTheSameCallIsAnError() {
        Coroutine<Object> coroutine = script(returning(() -> "once"));
        Task<Object> task = loop.createTask(coroutine);
        assertThrows(InvalidStateException.class, () -> gather(task, coroutine));
        loop.runUntilComplete(task);
    }

    @Test
    void futuresAlreadyDoneAreGatheredOnTheNextIteration() {
        Future<Object> a = future();
        Future<Object> b = future();
        a.setResult(1);
        b.setResult(2);
        Future<List<Object>> all = gather(a, b, a);
        assertFalse(all.isDone());
        all.addDoneCallback(f -> events.add("gathered"));
        loop.callSoon(() -> events.add("soon"));
        runBriefly();
        assertEquals(List.of(1, 2, 1), all.result());
        assertEquals(List.of("soon", "gathered"), events);
    }

    @Test
    void aFailedFutureAlreadyDoneFailsTheGathering() {
        Future<Object> ok = future();
        ok.setResult(1);
        Future<Object> failed = future();
        IllegalStateException error = new IllegalStateException("early");
        failed.setException(error);
        Future<Object> pending = future();
        Future<List<Object>> all = gather(ok, failed, pending);
        assertFalse(all.isDone());
        runBriefly();
        assertSame(error, all.exception());
        pending.setResult(2);
        runBriefly();
    }

    @Test
    void theGatheringIsDoneOneCallbackTurnAfterItsLastChildLikeADoneCallback() {
        Future<Object> first = future();
        Future<Object> last = future();
        Future<List<Object>> all = gather(first, last);
        all.addDoneCallback(f -> events.add("gathered " + f.result()));
        first.setResult("a");
        loop.callSoon(() -> {
            events.add("before last");
            last.setResult("b");
            last.addDoneCallback(f -> events.add("callback added after the gathering's"));
            loop.callSoon(() -> events.add("queued after last"));
        });
        runMain(script(await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0))));
        assertEquals(List.of("before last", "callback added after the gathering's", "queued after last", "gathered [a, b]"), events);
    }

    @Test
    void aChildFinishedByAnEagerTaskWhileGatherStartsDoesNotEndTheGatheringEarly() {
        loop.setTaskFactory(TaskFactory.EAGER);
        Future<Object> first = future();
        Coroutine<Object> settingFirst = script(Script.run(() -> first.setResult("first")),
                await(() -> Asyncio.sleep(1)), returning(() -> "second"));
        Coroutine<Object> finishingAtOnce = script(returning(() -> "third"));
        runMain(script(await(() -> Asyncio.gather(first, settingFirst, finishingAtOnce), v -> events.add(v.toString())),
                logTime("gathered")));
        assertEquals(List.of("[first, second, third]", "gathered@1.0"), events);
    }

    @Test
    void aYieldPassedToGatherCompletes() {
        runMain(script(await(() -> Asyncio.gather(Asyncio.sleep(0, "yielded"), Asyncio.sleep(0)), v -> events.add(v.toString()))));
        assertEquals(List.of("[yielded, null]"), events);
    }

    @Test
    void gatherRunsCoroutinesConcurrentlyAsTasks() {
        runMain(script(await(() -> Asyncio.gather(
                sleeper(1, "one", 1), sleeper(2, "two", 2), sleeper(1, "three", 3)), v -> events.add(v.toString())),
                logTime("gathered")));
        assertEquals(List.of("one@1.0", "three@1.0", "two@2.0", "[1, 2, 3]", "gathered@2.0"), events);
    }
}
