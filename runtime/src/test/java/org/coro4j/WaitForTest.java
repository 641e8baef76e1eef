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
import org.junit.jupiter.api.Test;

/** {@link Asyncio#waitFor}, ported from CPython's Lib/test/test_asyncio/test_waitfor.py. */
class WaitForTest extends VirtualLoopTest {

    private <T> T waitFor(Object awaitable, double seconds) {
        @SuppressWarnings("unchecked")
        T[] result = (T[]) new Object[1];
        runMain(script(await(() -> Asyncio.waitFor(awaitable, seconds), v -> result[0] = (T) v)));
        return result[0];
    }

    // test_waitfor.py: test_wait_for_timeout_less_then_0_or_0_future_done
    @Test
    void aDoneFutureIsReturnedEvenWithATimeoutOfZero() {
        Future<String> done = new Future<>(loop);
        done.setResult("done");
        assertEquals("done", waitFor(done, 0));
        assertEquals(0.0, loop.time());
    }

    // test_waitfor.py: test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started
    @Test
    void aTimeoutOfZeroNeverStartsTheCoroutine() {
        assertThrows(AsyncTimeoutException.class, () -> waitFor(script(log("started")), 0));
        assertThrows(AsyncTimeoutException.class, () -> waitFor(script(log("started")), -1));
        assertEquals(List.of(), events);
    }

    // test_waitfor.py: test_wait_for_timeout_less_then_0_or_0
    @Test
    void aTimeoutOfZeroCancelsARunningTask() {
        Future<Object> started = new Future<>(loop);
        Task<Object> t = loop.createTask(script(Script.run(() -> started.setResult(null)), await(() -> Asyncio.sleep(10))));
        runMain(script(await(() -> started)));
        assertThrows(AsyncTimeoutException.class, () -> waitFor(t, 0));
        assertTrue(t.isCancelled());
        assertEquals(0.0, loop.time());
    }

    // test_waitfor.py: test_wait_for
    @Test
    void theInnerTaskIsCancelledAtTheTimeout() {
        boolean[] running = new boolean[1];
        Task<Object> t = loop.createTask(script(
                Script.run(() -> running[0] = true),
                tryFinally(block(await(() -> Asyncio.sleep(0.2))), block(Script.run(() -> running[0] = false))),
                returning(() -> "done")));
        AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class, () -> waitFor(t, 0.1));
        assertInstanceOf(CancelledException.class, e.getCause());
        assertTrue(t.isCancelled());
        assertFalse(running[0]);
        assertEquals(0.1, loop.time());
    }

    // test_waitfor.py: test_wait_for_blocking
    @Test
    void withoutATimeoutTheResultIsReturned() {
        assertEquals("done", waitFor(script(returning(() -> "done")), Double.POSITIVE_INFINITY));
    }

    // test_waitfor.py: test_wait_for_race_condition
    @Test
    void aResultBeforeTheTimeoutWins() {
        Future<String> f = new Future<>(loop);
        loop.callLater(0.1, () -> f.setResult("ok"));
        assertEquals("ok", waitFor(f, 0.2));
        assertEquals(0.1, loop.time());
    }

    // test_waitfor.py: test_wait_for_waits_for_task_cancellation
    @Test
    void theTimeoutWaitsForTheInnerTaskToFinishCancelling() {
        Task<Object> inner = loop.createTask(script(tryCatch(block(await(() -> Asyncio.sleep(10))), CancelledException.class,
                e -> block(await(() -> Asyncio.sleep(0.5)), logTime("cleaned up"), raise(() -> e)))));
        assertThrows(AsyncTimeoutException.class, () -> waitFor(inner, 0.25));
        assertEquals(List.of("cleaned up@0.75"), events);
        assertEquals(0.75, loop.time());
        assertTrue(inner.isCancelled());
    }

    // test_waitfor.py: test_wait_for_waits_for_task_cancellation_w_timeout_0
    @Test
    void aTimeoutOfZeroWaitsForTheInnerTaskToFinishCancelling() {
        Task<Object> inner = loop.createTask(script(tryCatch(block(await(() -> Asyncio.sleep(10))), CancelledException.class,
                e -> block(await(() -> Asyncio.sleep(0.5)), logTime("cleaned up"), raise(() -> e)))));
        runMain(script(await(() -> Asyncio.sleep(0.25))));
        assertThrows(AsyncTimeoutException.class, () -> waitFor(inner, 0));
        assertEquals(List.of("cleaned up@0.75"), events);
    }

    // test_waitfor.py: test_wait_for_reraises_exception_during_cancellation
    @Test
    void anExceptionRaisedWhileCancellingIsPropagated() {
        Task<Object> inner = loop.createTask(script(tryFinally(block(await(() -> Asyncio.sleep(10))),
                block(raise(() -> new IllegalStateException("foo"))))));
        assertThrows(IllegalStateException.class, () -> waitFor(inner, 0.1));
    }

    // test_waitfor.py: test_wait_for_cancel_suppressed
    @Test
    void aValueReturnedAfterSuppressingTheCancellationIsTheResult() {
        Coroutine<Object> return42 = script(tryCatch(block(await(() -> Asyncio.sleep(10))),
                CancelledException.class, e -> block(returning(() -> 42))));
        assertEquals(42, (Integer) waitFor(return42, 0.1));
    }

    // test_waitfor.py: test_cancel_wait_for
    @Test
    void cancellingTheWaitingTaskCancelsTheInnerAndRaisesCancelled() {
        Task<Object> inner = loop.createTask(script(await(() -> Asyncio.sleep(100))));
        Task<Object> waiting = loop.createTask(script(await(() -> Asyncio.waitFor(inner, 120))));
        runMain(script(await(() -> Asyncio.sleep(1))));
        waiting.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(waiting));
        assertTrue(inner.isCancelled());
        assertEquals(1.0, loop.time());
    }

    // test_waitfor.py: test_asyncio_wait_for_timeout
    @Test
    void aSlowCoroutineTimesOutAtTheDeadline() {
        assertThrows(AsyncTimeoutException.class, () -> waitFor(sleeper(10, "never", "x"), 2));
        assertEquals(2.0, loop.time());
        assertEquals(List.of(), events);
    }
}
