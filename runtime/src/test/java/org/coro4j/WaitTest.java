package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.raise;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Asyncio#wait} and {@link Asyncio#asCompleted}, ported from CPython's test_tasks.py. */
class WaitTest extends VirtualLoopTest {

    private Task<Object> sleepTask(double seconds) {
        return loop.createTask(script(await(() -> Asyncio.sleep(seconds))));
    }

    private WaitResult<Object> runWait(List<Task<Object>> tasks, ReturnWhen when, double timeout) {
        @SuppressWarnings("unchecked")
        WaitResult<Object>[] result = new WaitResult[1];
        runMain(script(await(() -> Asyncio.wait(tasks, when, timeout), v -> result[0] = (WaitResult<Object>) v)));
        return result[0];
    }

    // test_tasks.py: test_wait
    @Test
    void allCompletedWaitsForEveryFuture() {
        Task<Object> a = sleepTask(0.1);
        Task<Object> b = sleepTask(0.15);
        WaitResult<Object> result = runWait(List.of(b, a), ReturnWhen.ALL_COMPLETED, Double.POSITIVE_INFINITY);
        assertEquals(Set.of(a, b), result.done());
        assertEquals(Set.of(), result.pending());
        assertEquals(0.15, loop.time());
        WaitResult<Object> again = runWait(List.of(b, a), ReturnWhen.ALL_COMPLETED, Double.POSITIVE_INFINITY);
        assertEquals(Set.of(a, b), again.done());
        assertEquals(0.15, loop.time());
    }

    // test_tasks.py: test_wait_duplicate_coroutines
    @Test
    void aFutureGivenTwiceIsWaitedForOnce() {
        Task<Object> a = loop.createTask(script(returning(() -> "test")));
        Task<Object> b = loop.createTask(script(returning(() -> "spam")));
        WaitResult<Object> result = runWait(List.of(a, a, b), ReturnWhen.ALL_COMPLETED, Double.POSITIVE_INFINITY);
        assertEquals(2, result.done().size());
        assertTrue(result.pending().isEmpty());
    }

    // test_tasks.py: test_wait_errors
    @Test
    void waitingForNothingIsAnError() {
        runMain(script(Script.run(() -> assertThrows(IllegalArgumentException.class,
                () -> Asyncio.wait(List.<Future<Object>>of(), ReturnWhen.ALL_COMPLETED)))));
    }

    // test_tasks.py: test_wait_first_completed
    @Test
    void firstCompletedReturnsWhenOneIsDone() {
        Task<Object> a = sleepTask(10);
        Task<Object> b = sleepTask(0.1);
        WaitResult<Object> result = runWait(List.of(b, a), ReturnWhen.FIRST_COMPLETED, Double.POSITIVE_INFINITY);
        assertEquals(Set.of(b), result.done());
        assertEquals(Set.of(a), result.pending());
        assertFalse(a.isDone());
        assertEquals(0.1, loop.time());
    }

    // test_tasks.py: test_wait_really_done
    @Test
    void futuresDoneBeforeTheWaiterResumesCountAsDone() {
        Task<Object> a = loop.createTask(script(await(() -> Asyncio.sleep(0))));
        Task<Object> b = loop.createTask(script(await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0))));
        WaitResult<Object> result = runWait(List.of(b, a), ReturnWhen.FIRST_COMPLETED, Double.POSITIVE_INFINITY);
        assertEquals(Set.of(a, b), result.done());
    }

    // test_tasks.py: test_wait_first_exception
    @Test
    void firstExceptionReturnsAtTheFirstFailure() {
        Task<Object> a = sleepTask(10);
        Task<Object> b = loop.createTask(script(raise(() -> new ArithmeticException("err"))));
        WaitResult<Object> result = runWait(List.of(b, a), ReturnWhen.FIRST_EXCEPTION, Double.POSITIVE_INFINITY);
        assertEquals(Set.of(b), result.done());
        assertEquals(Set.of(a), result.pending());
        assertEquals(0.0, loop.time());
    }

    // test_tasks.py: test_wait_first_exception_in_wait
    @Test
    void firstExceptionReturnsWhenAFailureHappensWhileWaiting() {
        Task<Object> a = sleepTask(10);
        Task<Object> b = loop.createTask(script(await(() -> Asyncio.sleep(0.25)), raise(() -> new ArithmeticException("err"))));
        WaitResult<Object> result = runWait(List.of(b, a), ReturnWhen.FIRST_EXCEPTION, Double.POSITIVE_INFINITY);
        assertEquals(Set.of(b), result.done());
        assertEquals(Set.of(a), result.pending());
        assertEquals(0.25, loop.time());
    }

    // test_tasks.py: test_wait_with_exception
    @Test
    void allCompletedIncludesFailedFutures() {
        Task<Object> a = sleepTask(0.1);
        Task<Object> b = loop.createTask(script(await(() -> Asyncio.sleep(0.15)), raise(() -> new ArithmeticException("really"))));
        WaitResult<Object> result = runWait(List.of(b, a), ReturnWhen.ALL_COMPLETED, Double.POSITIVE_INFINITY);
        assertEquals(2, result.done().size());
        assertEquals(1, result.done().stream().filter(f -> f.exception() != null).count());
        assertEquals(0.15, loop.time());
    }

    // test_tasks.py: test_wait_with_timeout
    @Test
    void aTimeoutEndsTheWaitWithoutAnError() {
        Task<Object> a = sleepTask(0.1);
        Task<Object> b = sleepTask(0.15);
        WaitResult<Object> result = runWait(List.of(b, a), ReturnWhen.ALL_COMPLETED, 0.11);
        assertEquals(Set.of(a), result.done());
        assertEquals(Set.of(b), result.pending());
        assertEquals(0.11, loop.time());
    }

    // test_tasks.py: test_wait_concurrent_complete
    @Test
    void aFutureDoneAtTheTimeoutIsDone() {
        Task<Object> a = sleepTask(0.1);
        Task<Object> b = sleepTask(0.15);
        WaitResult<Object> result = runWait(List.of(b, a), ReturnWhen.ALL_COMPLETED, 0.1);
        assertEquals(Set.of(a), result.done());
        assertEquals(Set.of(b), result.pending());
        assertEquals(0.1, loop.time());
    }

    // test_tasks.py: test_yield_wait_does_not_shield_cancel
    @Test
    void cancellingTheWaitingTaskCancelsTheWaitButNotTheFutures() {
        Task<Object> a = sleepTask(10);
        Task<Object> waiter = loop.createTask(script(await(() -> Asyncio.wait(List.of(a), ReturnWhen.ALL_COMPLETED))));
        runMain(script(await(() -> Asyncio.sleep(1))));
        waiter.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(waiter));
        assertFalse(a.isDone());
    }

    // test_tasks.py: test_as_completed
    @Test
    void asCompletedYieldsInCompletionOrder() {
        Task<Object> a = loop.createTask(sleeper(0.5, "a", "a"));
        Task<Object> b = loop.createTask(sleeper(0.25, "b", "b"));
        Task<Object> c = loop.createTask(sleeper(1, "c", "c"));
        List<Object> values = new ArrayList<>();
        runMain(script(Script.run(() -> {
            for (Future<Object> f : Asyncio.asCompleted(List.of(c, a, b))) {
                loop.createTask(script(await(() -> f, values::add)));
            }
        }), await(() -> Asyncio.sleep(2))));
        assertEquals(List.of("b", "a", "c"), values);
    }

    // test_tasks.py: test_as_completed_with_timeout
    @Test
    void asCompletedFailsTheRestWithATimeout() {
        Task<Object> a = sleepTask(0.1);
        Task<Object> b = sleepTask(0.15);
        List<Object> outcomes = new ArrayList<>();
        runMain(script(Script.run(() -> {
            for (Future<Object> f : Asyncio.asCompleted(List.of(a, b), 0.12)) {
                loop.createTask(script(tryCatch(block(await(() -> f, v -> outcomes.add("done@" + loop.time()))),
                        AsyncTimeoutException.class, e -> block(Script.run(() -> outcomes.add("timeout@" + loop.time()))))));
            }
        }), await(() -> Asyncio.sleep(1))));
        assertEquals(List.of("done@0.1", "timeout@0.12"), outcomes);
    }

    // test_tasks.py: test_as_completed_with_unused_timeout
    @Test
    void anUnusedAsCompletedTimeoutDoesNotLinger() {
        Task<Object> a = loop.createTask(script(await(() -> Asyncio.sleep(0.01)), returning(() -> "a")));
        Object[] value = new Object[1];
        runMain(script(await(() -> Asyncio.asCompleted(List.of(a), 10).get(0), v -> value[0] = v)));
        assertEquals("a", value[0]);
        assertEquals(0.01, loop.time());
        loop.close();
        assertEquals(List.of(), reported);
    }

    @Test
    void asCompletedPassesFailuresThrough() {
        Task<Object> failing = loop.createTask(script(raise(() -> new IllegalStateException("x"))));
        Object[] caught = new Object[1];
        runMain(script(tryCatch(block(await(() -> Asyncio.asCompleted(List.of(failing)).get(0))),
                IllegalStateException.class, e -> block(Script.run(() -> caught[0] = e)))));
        assertInstanceOf(IllegalStateException.class, caught[0]);
    }
}
