package org.coro4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coro4j.Asyncio;
import org.coro4j.EventLoop;
import org.junit.jupiter.api.Test;

/**
 * The seed examples, instrumented by the Maven plugin, on the virtual clock: every printed line
 * and the elapsed loop time are exactly those of the Python originals.
 */
class SeedExamplesTest {

    private final Output output = new Output();

    @Test
    void awaitingCoroutinesOneAfterTheOtherTakesTwoSeconds() {
        double elapsed = Asyncio.run(EventLoop.withVirtualClock(), new DelayerMessenger(output.stream()).awaitOneAfterTheOther());

        assertEquals(2.0, elapsed);
        assertEquals(List.of("A Message", "2.00"), output.lines());
    }

    @Test
    void twoTasksSleepAtTheSameTimeAndTakeOneSecond() {
        double elapsed = Asyncio.run(EventLoop.withVirtualClock(), new DelayerMessenger(output.stream()).twoTasks());

        assertEquals(1.0, elapsed);
        assertEquals(List.of("1.00"), output.lines());
    }

    @Test
    void awaitingATaskGivesItsResult() {
        double elapsed = Asyncio.run(EventLoop.withVirtualClock(), new DelayerMessenger(output.stream()).printTaskResult());

        assertEquals(1.0, elapsed);
        assertEquals(List.of("Hello"), output.lines());
    }

    @Test
    void longOperationsRunConcurrentlyAndFinishInThreeSeconds() {
        double elapsed = Asyncio.run(EventLoop.withVirtualClock(), new LongOperation(output.stream()).main());

        assertEquals(3.0, elapsed);
        assertEquals(List.of(
                "Task 1 started",
                "Task 2 started",
                "Done after 3 seconds",
                "Done after 2 seconds",
                "Finished in 3.00 seconds"), output.lines());
    }

    @Test
    void createdTasksRunDuringTheSleepBeforeGather() {
        double elapsed = Asyncio.run(EventLoop.withVirtualClock(),
                new TasksVersusCoroutines(output.stream()).createTasksThenGather());

        assertEquals(2.0, elapsed);
        assertEquals(List.of(
                "tasks scheduled",
                "ok: 0",
                "ok: 1",
                "ok: 2",
                "ok: 3",
                "ok: 4",
                "now gathering tasks",
                "gathered tasks"), output.lines());
    }

    @Test
    void bareCoroutinesRunOnlyOnceGathered() {
        double elapsed = Asyncio.run(EventLoop.withVirtualClock(),
                new TasksVersusCoroutines(output.stream()).createCoroutinesThenGather());

        assertEquals(2.5, elapsed);
        assertEquals(List.of(
                "coroutines created",
                "now gathering coroutines",
                "ok: 0",
                "ok: 1",
                "ok: 2",
                "ok: 3",
                "ok: 4",
                "gathered coroutines"), output.lines());
    }

    @Test
    void theTimerTicksWhileTheWorkRuns() {
        double elapsed = Asyncio.run(EventLoop.withVirtualClock(), new TimerAndWork(output.stream()).main());

        assertEquals(5.0, elapsed);
        assertEquals(List.of(
                "Timer: 1 second(s) passed",
                "Work: started",
                "Timer: 2 second(s) passed",
                "Timer: 3 second(s) passed",
                "Timer: 4 second(s) passed",
                "Timer: 5 second(s) passed",
                "Timer: done",
                "Work: done"), output.lines());
    }

    @Test
    void onTheWallClockTwoTasksTakeAboutOneSecond() {
        long start = System.nanoTime();
        double elapsed = Asyncio.run(new DelayerMessenger(output.stream()).twoTasks());
        double measured = (System.nanoTime() - start) / 1e9;

        assertTrue(elapsed >= 0.99 && elapsed < 1.9, "loop time " + elapsed);
        assertTrue(measured >= 0.99 && measured < 1.9, "measured " + measured);
    }
}
