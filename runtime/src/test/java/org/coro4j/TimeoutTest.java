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

/** {@link Asyncio#timeout} and {@link Timeout}, ported from CPython's Lib/test/test_asyncio/test_timeouts.py. */
class TimeoutTest extends VirtualLoopTest {
    private final Timeout[] scope = new Timeout[2];

    // test_timeouts.py: test_timeout_basic
    @Test
    void theBodyIsCancelledAtTheDeadlineAndTimeoutIsThrown() {
        AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class, () -> runMain(script(
                await(() -> Asyncio.timeout(0.5, cm -> script(Script.run(() -> scope[0] = cm), await(() -> Asyncio.sleep(10)))))
        )));
        assertInstanceOf(CancelledException.class, e.getCause());
        assertTrue(scope[0].expired());
        assertEquals(0.5, loop.time());
    }

    // test_timeouts.py: test_timeout_at_basic
    @Test
    void timeoutAtUsesAnAbsoluteDeadline() {
        assertThrows(AsyncTimeoutException.class, () -> runMain(script(
                await(() -> Asyncio.timeoutAt(loop.time() + 0.25, cm -> script(Script.run(() -> scope[0] = cm),
                        await(() -> Asyncio.sleep(10))))))));
        assertEquals(0.25, scope[0].when());
        assertTrue(scope[0].expired());
        assertEquals(0.25, loop.time());
    }

    // test_timeouts.py: test_nested_timeouts
    @Test
    void whenNestedTimeoutsExpireTogetherOnlyTheOuterRaises() {
        Object[] innerSaw = new Object[1];
        AsyncFunction<Timeout, Object> innerBody = inner -> script(
                Script.run(() -> scope[1] = inner), await(() -> Asyncio.sleep(10)));
        AsyncFunction<Timeout, Object> outerBody = outer -> script(
                Script.run(() -> scope[0] = outer),
                tryCatch(block(await(() -> Asyncio.timeout(0.5, innerBody))), Throwable.class,
                        e -> block(Script.run(() -> innerSaw[0] = e), raise(() -> e))));
        assertThrows(AsyncTimeoutException.class, () -> runMain(script(await(() -> Asyncio.timeout(0.5, outerBody)))));
        assertTrue(scope[0].expired());
        assertTrue(scope[1].expired());
        assertInstanceOf(CancelledException.class, innerSaw[0]);
    }

    @Test
    void whenOnlyTheInnerTimeoutExpiresOnlyItRaises() {
        AsyncFunction<Timeout, Object> innerBody = inner -> script(
                Script.run(() -> scope[1] = inner), await(() -> Asyncio.sleep(5)));
        AsyncFunction<Timeout, Object> outerBody = outer -> script(
                Script.run(() -> scope[0] = outer),
                tryCatch(block(await(() -> Asyncio.timeout(1, innerBody))), AsyncTimeoutException.class,
                        e -> block(logTime("inner timed out"))),
                await(() -> Asyncio.sleep(1)),
                returning(() -> "outer finished"));
        runMain(script(await(() -> Asyncio.timeout(10, outerBody), v -> events.add(v.toString())), logTime("after")));
        assertEquals(List.of("inner timed out@1.0", "outer finished", "after@2.0"), events);
        assertFalse(scope[0].expired());
        assertTrue(scope[1].expired());
    }

    // test_timeouts.py: test_waiter_cancelled
    @Test
    void theBodySeesACancelledExceptionAndTheBlockThrowsTimeout() {
        boolean[] cancelled = new boolean[1];
        assertThrows(AsyncTimeoutException.class, () -> runMain(script(await(() -> Asyncio.timeout(0.25, cm -> script(
                tryCatch(block(await(() -> Asyncio.sleep(10))), CancelledException.class,
                        e -> block(Script.run(() -> cancelled[0] = true), raise(() -> e)))))))));
        assertTrue(cancelled[0]);
    }

    // test_timeouts.py: test_timeout_not_called
    @Test
    void aBodyFinishingInTimeReturnsItsValue() {
        Object[] value = new Object[1];
        runMain(script(await(() -> Asyncio.timeout(10, cm -> script(Script.run(() -> scope[0] = cm),
                await(() -> Asyncio.sleep(0.25)), returning(() -> "in time"))), v -> value[0] = v)));
        assertEquals("in time", value[0]);
        assertFalse(scope[0].expired());
        assertEquals(0.25, loop.time());
    }

    // test_timeouts.py: test_timeout_disabled
    @Test
    void anInfiniteTimeoutNeverExpires() {
        runMain(script(await(() -> Asyncio.timeout(Double.POSITIVE_INFINITY, cm -> script(Script.run(() -> scope[0] = cm),
                await(() -> Asyncio.sleep(100)))))));
        assertFalse(scope[0].expired());
        assertEquals(Double.POSITIVE_INFINITY, scope[0].when());
        assertEquals(100.0, loop.time());
    }

    // test_timeouts.py: test_timeout_zero
    @Test
    void aZeroTimeoutCancelsAtTheFirstSuspension() {
        assertThrows(AsyncTimeoutException.class, () -> runMain(script(await(() -> Asyncio.timeout(0, cm -> script(
                logTime("body started"), await(() -> Asyncio.sleep(10)), log("never")))))));
        assertEquals(List.of("body started@0.0"), events);
        assertEquals(0.0, loop.time());
    }

    // test_timeouts.py: test_timeout_in_the_past_sleep_zero
    @Test
    void aDeadlineInThePastExpiresAtTheNextYield() {
        assertThrows(AsyncTimeoutException.class, () -> runMain(script(await(() -> Asyncio.timeout(-11, cm -> script(
                await(() -> Asyncio.sleep(0)), log("never")))))));
        assertEquals(List.of(), events);
    }

    // test_timeouts.py: test_foreign_exception_passed
    @Test
    void anExceptionFromTheBodyPassesThrough() {
        assertThrows(IllegalStateException.class, () -> runMain(script(await(() -> Asyncio.timeout(0.25, cm -> script(
                Script.run(() -> scope[0] = cm), raise(() -> new IllegalStateException("key"))))))));
        assertFalse(scope[0].expired());
    }

    // test_timeouts.py: test_foreign_exception_on_timeout
    @Test
    void anExceptionRaisedWhileHandlingTheTimeoutWins() {
        Coroutine<Object> crash = script(tryFinally(block(await(() -> Asyncio.sleep(1))),
                block(raise(() -> new ArithmeticException("/ by zero")))));
        assertThrows(ArithmeticException.class, () -> runMain(script(await(() -> Asyncio.timeout(0.25, cm -> crash)))));
    }

    // test_timeouts.py: test_foreign_cancel_doesnt_timeout_if_not_expired
    @Test
    void anOutsideCancellationIsNotATimeout() {
        Task<Object> t = loop.createTask(script(await(() -> Asyncio.timeout(10, cm -> script(
                Script.run(() -> scope[0] = cm), await(() -> Asyncio.sleep(10)))))));
        runMain(script(await(() -> Asyncio.sleep(1))));
        t.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertFalse(scope[0].expired());
    }

    // test_timeouts.py: test_outer_task_is_not_cancelled
    @Test
    void theTaskThatTimedOutIsNotCancelled() {
        Task<Object> t = loop.createTask(script(tryCatch(
                block(await(() -> Asyncio.timeout(0.25, cm -> script(await(() -> Asyncio.sleep(10)))))),
                AsyncTimeoutException.class, e -> block(log("timed out")))));
        loop.runUntilComplete(t);
        assertTrue(t.isDone());
        assertFalse(t.isCancelled());
        assertEquals(0, t.cancelling());
        assertEquals(List.of("timed out"), events);
    }

    // test_timeouts.py: test_reschedule
    @Test
    void theDeadlineCanBeMovedAndRemoved() {
        double deadline1 = 10;
        double deadline2 = 30;
        Future<Timeout> entered = new Future<>(loop);
        Task<Object> t = loop.createTask(script(await(() -> Asyncio.timeoutAt(deadline1, cm -> script(
                Script.run(() -> entered.setResult(cm)), await(() -> Asyncio.sleep(50)))))));
        Timeout cm = loop.runUntilComplete(entered);
        assertEquals(deadline1, cm.when());
        cm.reschedule(deadline2);
        assertEquals(deadline2, cm.when());
        cm.reschedule(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, cm.when());
        runMain(script(await(() -> Asyncio.sleep(40))));
        assertFalse(t.isDone());
        t.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertFalse(cm.expired());
    }

    @Test
    void reschedulingEarlierExpiresAtTheNewDeadline() {
        assertThrows(AsyncTimeoutException.class, () -> runMain(script(await(() -> Asyncio.timeout(10, cm -> script(
                Script.run(() -> cm.reschedule(loop.time() + 2)), await(() -> Asyncio.sleep(50))))))));
        assertEquals(2.0, loop.time());
    }

    @Test
    void aTimeoutCannotBeRescheduledAfterItsBlockEnded() {
        runMain(script(await(() -> Asyncio.timeout(10, cm -> script(Script.run(() -> scope[0] = cm))))));
        assertThrows(InvalidStateException.class, () -> scope[0].reschedule(20));
    }
}
