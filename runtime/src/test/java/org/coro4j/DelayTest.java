package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Delays and timeouts given as NaN, negative or infinite numbers of seconds. */
class DelayTest extends VirtualLoopTest {
    private static final String NAN_DELAY = ": the delay is NaN; give a number of seconds"
            + " (a negative delay means 0, Double.POSITIVE_INFINITY means never)";
    private static final String NAN_DEADLINE = ": the deadline is NaN; give a loop time in seconds"
            + " (Double.POSITIVE_INFINITY means never)";

    private void assertRefused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /** Runs {@code call} inside a running task and asserts it is refused there, at the call. */
    private void assertRefusedInTask(String message, Supplier<?> call) {
        Throwable[] refused = new Throwable[1];
        runMain(script(Script.run(() -> {
            try {
                call.get();
            } catch (IllegalArgumentException e) {
                refused[0] = e;
            }
        })));
        assertTrue(refused[0] != null, "not refused");
        assertEquals(message, refused[0].getMessage());
    }

    @Test
    void nanIsRefusedAtTheCallByEveryDelayAndDeadline() {
        Runnable nothing = () -> { };
        assertRefused("sleep" + NAN_DELAY, () -> Asyncio.sleep(Double.NaN));
        assertRefused("sleep" + NAN_DELAY, () -> Asyncio.sleep(Double.NaN, "x"));
        assertRefused("callLater" + NAN_DELAY, () -> loop.callLater(Double.NaN, nothing));
        assertRefused("callAt" + NAN_DEADLINE, () -> loop.callAt(Double.NaN, nothing));
        assertRefused("timeout" + NAN_DELAY, () -> Asyncio.timeout(Double.NaN, t -> Coroutine.done()));
        assertRefused("timeoutAt" + NAN_DEADLINE, () -> Asyncio.timeoutAt(Double.NaN, t -> Coroutine.done()));
        assertRefusedInTask("waitFor" + NAN_DELAY, () -> Asyncio.waitFor(new Future<>(loop), Double.NaN));
        assertRefusedInTask("wait" + NAN_DELAY, () -> Asyncio.wait(List.of(new Future<>(loop)), ReturnWhen.ALL_COMPLETED, Double.NaN));
        assertRefusedInTask("asCompleted" + NAN_DELAY, () -> Asyncio.asCompleted(List.of(new Future<>(loop)), Double.NaN));
        assertEquals(0.0, loop.time());
    }

    @Test
    void aNanRescheduleIsRefusedAndKeepsTheDeadline() {
        Throwable[] refused = new Throwable[1];
        double[] when = new double[1];
        runMain(Asyncio.timeoutAt(5, timeout -> script(Script.run(() -> {
            refused[0] = assertThrows(IllegalArgumentException.class, () -> timeout.reschedule(Double.NaN));
            when[0] = timeout.when();
        }))));
        assertEquals("Timeout.reschedule" + NAN_DEADLINE, refused[0].getMessage());
        assertEquals(5.0, when[0]);
    }

    @Test
    void aNegativeDelayMeansZero() {
        TimerHandle timer = loop.callLater(-5, () -> events.add("ran@" + loop.time()));
        assertEquals(0.0, timer.when());
        runMain(script(await(() -> Asyncio.sleep(-1)), logTime("slept")));
        assertEquals(List.of("ran@0.0", "slept@0.0"), events);
    }

    @Test
    void anInfiniteTimerNeverFiresAndTheVirtualClockNeverJumpsToIt() {
        TimerHandle never = loop.callLater(Double.POSITIVE_INFINITY, () -> events.add("fired"));
        Task<Object> sleeper = loop.createTask(script(await(() -> Asyncio.sleep(Double.POSITIVE_INFINITY)), log("woke")));
        runMain(script(await(() -> Asyncio.sleep(2)), logTime("main done")));
        assertEquals(Double.POSITIVE_INFINITY, never.when());
        assertFalse(sleeper.isDone());
        assertEquals(2.0, loop.time());
        assertEquals(List.of("main done@2.0"), events);
    }

    @Test
    void withOnlyInfiniteTimersLeftTheLoopWaitsForOtherThreadsWithoutMovingTime() throws Exception {
        Task<Object> forever = loop.createTask(script(await(() -> Asyncio.sleep(Double.POSITIVE_INFINITY))));
        CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.callSoonThreadsafe(forever::cancel);
        });
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(forever));
        canceller.get();
        assertEquals(0.0, loop.time());
    }

    @Test
    void anInfiniteTimeoutNeverExpires() {
        Object[] results = new Object[2];
        runMain(script(
                await(() -> Asyncio.waitFor(sleeper(100, "inner", "late"), Double.POSITIVE_INFINITY), v -> results[0] = v),
                await(() -> Asyncio.timeout(Double.POSITIVE_INFINITY, t -> sleeper(50, "body", "in time")), v -> results[1] = v)));
        assertEquals("late", results[0]);
        assertEquals("in time", results[1]);
        assertEquals(150.0, loop.time());
    }
}
