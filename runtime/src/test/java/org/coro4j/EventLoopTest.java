package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scheduling on the event loop: ready queue, iterations, timers, the virtual clock. */
class EventLoopTest extends VirtualLoopTest {

    private Coroutine<Void> sleepFor(double seconds) {
        return script(await(() -> Asyncio.sleep(seconds)));
    }

    @Test
    void callbacksRunInTheOrderTheyWereScheduled() {
        loop.callSoon(() -> events.add("a"));
        loop.callSoon(() -> events.add("b"));
        loop.callSoon(() -> events.add("c"));
        runMain(sleepFor(0));
        assertEquals(List.of("a", "b", "c"), events);
    }

    @Test
    void anIterationRunsOnlyWhatWasReadyWhenItBegan() {
        loop.callSoon(() -> {
            events.add("first");
            loop.callSoon(() -> events.add("scheduled by first"));
        });
        loop.callSoon(() -> events.add("second"));
        runMain(script(await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0))));
        assertEquals(List.of("first", "second", "scheduled by first"), events);
    }

    @Test
    void timersRunByDeadlineThenBySchedulingOrder() {
        loop.callLater(2, () -> events.add("two@" + loop.time()));
        loop.callLater(1, () -> events.add("one-a@" + loop.time()));
        loop.callAt(1, () -> events.add("one-b@" + loop.time()));
        loop.callLater(0.5, () -> events.add("half@" + loop.time()));
        runMain(sleepFor(3));
        assertEquals(List.of("half@0.5", "one-a@1.0", "one-b@1.0", "two@2.0"), events);
    }

    @Test
    void aDueTimerRunsAfterTheCallbacksAlreadyReady() {
        loop.callLater(0, () -> events.add("timer"));
        loop.callSoon(() -> events.add("soon"));
        runMain(sleepFor(0));
        assertEquals(List.of("soon", "timer"), events);
    }

    @Test
    void cancelledHandlesDoNotRun() {
        Handle soon = loop.callSoon(() -> events.add("soon"));
        TimerHandle later = loop.callLater(1, () -> events.add("later"));
        loop.callLater(2, () -> events.add("kept"));
        soon.cancel();
        later.cancel();
        assertTrue(soon.isCancelled());
        assertTrue(later.isCancelled());
        assertEquals(1.0, later.when());
        runMain(sleepFor(3));
        assertEquals(List.of("kept"), events);
    }

    @Test
    void manyCancelledTimersAreDroppedAndTheRestStillRun() {
        for (int i = 0; i < 1000; i++) {
            loop.callLater(10 + i, () -> events.add("cancelled timer ran")).cancel();
        }
        loop.callLater(5, () -> events.add("live@" + loop.time()));
        runMain(sleepFor(20));
        assertEquals(List.of("live@5.0"), events);
        assertEquals(20.0, loop.time());
    }

    @Test
    void theVirtualClockJumpsExactlyToTheNextTimer() {
        assertEquals(0.0, loop.time());
        runMain(sleepFor(3.0));
        assertEquals(3.0, loop.time());
        runMain(sleepFor(0.25));
        assertEquals(3.25, loop.time());
    }

    @Test
    void aFailingCallbackIsReportedAndTheLoopGoesOn() {
        IllegalStateException boom = new IllegalStateException("boom");
        loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(() -> events.add("after"));
        runMain(sleepFor(0));
        assertEquals(List.of("after"), events);
        assertEquals(1, reported.size());
        assertSame(boom, reported.get(0).exception());
        assertTrue(reported.get(0).message().contains("Exception in callback"));
    }

    @Test
    void runUntilCompleteReturnsTheResult() {
        assertEquals("done", runMain(script(await(() -> Asyncio.sleep(1)), returning(() -> "done"))));
        assertFalse(loop.isRunning());
    }

    @Test
    void theLoopIsRunningOnlyInsideRunUntilComplete() {
        runMain(script(Script.run(() -> {
            events.add("running=" + loop.isRunning());
            events.add("current=" + (EventLoop.current() == loop));
        })));
        assertEquals(List.of("running=true", "current=true"), events);
        assertThrows(AsyncUsageException.class, EventLoop::current);
    }

    @Test
    void theLoopCannotBeRunFromInsideItself() {
        AsyncUsageException[] refused = new AsyncUsageException[1];
        runMain(script(Script.run(() -> refused[0] = assertThrows(AsyncUsageException.class,
                () -> loop.runUntilComplete(sleepFor(1))))));
        assertTrue(refused[0].getMessage().contains("already running"));
    }

    @Test
    void aClosedLoopRefusesWork() {
        loop.close();
        assertTrue(loop.isClosed());
        assertThrows(AsyncUsageException.class, () -> loop.callSoon(() -> { }));
        assertThrows(AsyncUsageException.class, () -> loop.callLater(1, () -> { }));
        assertThrows(AsyncUsageException.class, () -> loop.runUntilComplete(sleepFor(1)));
    }

    @Test
    void closingDropsPendingCallbacksAndReportsPendingTasks() {
        loop.callSoon(() -> events.add("never"));
        Task<Void> pending = loop.createTask(sleepFor(1), "left behind");
        loop.close();
        assertEquals(List.of(), events);
        assertEquals(1, reported.size());
        assertSame(pending, reported.get(0).task());
        assertTrue(reported.get(0).message().contains("pending"));
    }

    @Test
    void runUntilCompleteStopsWhenItsFutureIsDoneAndCanRunAgain() {
        Task<Void> longer = loop.createTask(sleepFor(2));
        runMain(sleepFor(1));
        assertEquals(1.0, loop.time());
        assertFalse(longer.isDone());
        runMain(sleepFor(0));
        assertFalse(longer.isDone());
        loop.runUntilComplete(longer);
        assertEquals(2.0, loop.time());
        assertTrue(longer.isDone());
    }
    @Test
    void currentIsEachThreadsOwnLoopWhileLoopsRunOnSeveralThreadsAtOnce() throws Exception {
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger noLoopErrors = new AtomicInteger();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try (EventLoop own = EventLoop.withVirtualClock()) {
                    start.await();
                    own.runUntilComplete(script(Script.run(() -> {
                        for (int i = 0; i < 200_000; i++) {
                            if (EventLoop.current() != own) {
                                wrong.incrementAndGet();
                            }
                        }
                    })));
                } catch (Exception e) {
                    wrong.incrementAndGet();
                }
            });
            thread.start();
            running.add(thread);
        }
        start.await();
        for (int i = 0; i < 20_000; i++) {
            try {
                EventLoop.current();
            } catch (AsyncUsageException e) {
                noLoopErrors.incrementAndGet();
            }
        }
        for (Thread thread : running) {
            thread.join();
        }
        assertEquals(0, wrong.get());
        assertEquals(20_000, noLoopErrors.get(), "a thread without a loop never gets another thread's");
    }
}
