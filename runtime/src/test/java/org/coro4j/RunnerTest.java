package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Runner}, ported from CPython's test_runners.py, and {@link EventLoop#runForever()}/{@link EventLoop#stop()}. */
class RunnerTest extends VirtualLoopTest {

    // test_runners.py: RunnerTests.test_run
    @Test
    void runRunsSeveralCoroutinesOnTheSameLoop() {
        try (Runner runner = new Runner(loop)) {
            assertEquals("first", runner.run(sleeper(1, "one", "first")));
            assertSame(loop, runner.getLoop());
            assertEquals("second", runner.run(sleeper(2, "two", "second")));
            assertEquals(3.0, loop.time());
        }
        assertTrue(loop.isClosed());
        assertEquals(List.of("one@1.0", "two@3.0"), events);
    }

    // test_runners.py: RunnerTests.test_explicit_close / test_double_close
    @Test
    void closeClosesTheLoopOnceAndCancelsWhatIsLeft() {
        Runner runner = new Runner(loop);
        Task<?>[] left = new Task<?>[1];
        runner.run(script(Script.run(() -> left[0] = Asyncio.createTask(sleeper(10, "never", null)))));
        assertFalse(left[0].isDone());
        runner.close();
        assertTrue(left[0].isCancelled());
        assertTrue(loop.isClosed());
        runner.close();
        assertEquals(List.of(), events);
    }

    // test_runners.py: RunnerTests.test_second_with_block_raises
    @Test
    void aClosedRunnerRefusesToRun() {
        Runner runner = new Runner(loop);
        runner.close();
        assertEquals("Runner is closed", assertThrows(AsyncUsageException.class, () -> runner.run(script())).getMessage());
        assertThrows(AsyncUsageException.class, runner::getLoop);
    }

    // test_runners.py: RunnerTests.test_recursive_run
    @Test
    void runCannotBeCalledFromARunningLoop() {
        Runner runner = new Runner(loop);
        Throwable[] refused = new Throwable[1];
        runner.run(script(Script.run(() -> refused[0] = assertThrows(AsyncUsageException.class, () -> runner.run(script())))));
        assertEquals("Runner.run() cannot be called from a running event loop", refused[0].getMessage());
        runner.close();
    }

    // test_runners.py: RunnerTests.test_custom_factory (the loop is made on first use) / test_close_without_run
    @Test
    void aRunnerMakesItsWallClockLoopOnFirstUse() {
        Runner unused = new Runner();
        unused.close();
        try (Runner runner = new Runner()) {
            EventLoop made = runner.getLoop();
            assertSame(made, runner.getLoop());
            assertEquals(Integer.valueOf(42), runner.<Integer>run(script(returning(() -> 42))));
            runner.close();
            assertTrue(made.isClosed());
        }
    }

    @Test
    void anExceptionOfTheMainTaskIsRethrownAndTheRunnerStaysUsable() {
        try (Runner runner = new Runner(loop)) {
            assertThrows(IllegalStateException.class, () -> runner.run(script(Script.raise(() -> new IllegalStateException("x")))));
            assertEquals("ok", runner.run(script(returning(() -> "ok"))));
        }
    }

    @Test
    void runForeverRunsUntilStop() {
        loop.callLater(2, () -> events.add("at 2"));
        loop.callLater(3, loop::stop);
        loop.callLater(4, () -> events.add("at 4"));
        loop.runForever();
        assertEquals(List.of("at 2"), events);
        assertEquals(3.0, loop.time());
        loop.callLater(2, loop::stop);
        loop.runForever();
        assertEquals(List.of("at 2", "at 4"), events);
        assertEquals(5.0, loop.time());
    }

    @Test
    void stopBeforeRunForeverRunsWhatIsReadyOnce() {
        loop.callSoon(() -> events.add("ready"));
        loop.callSoon(loop::stop);
        loop.runForever();
        loop.callSoon(() -> events.add("first"));
        loop.callSoon(() -> loop.callSoon(() -> events.add("next iteration")));
        loop.stop();
        loop.runForever();
        assertEquals(List.of("ready", "first"), events);
    }

    // test_events.py: EventLoopTestsMixin.test_run_until_complete_stopped
    @Test
    void stopDuringRunUntilCompleteIsAnError() {
        Future<Object> never = new Future<>(loop);
        loop.callLater(1, loop::stop);
        assertEquals("Event loop stopped before Future completed.",
                assertThrows(InvalidStateException.class, () -> loop.runUntilComplete(never)).getMessage());
    }

    @Test
    void stopFromAnotherThreadGoesThroughCallSoonThreadsafe() throws Exception {
        loop.callLater(Double.POSITIVE_INFINITY, () -> events.add("never"));
        Thread other = new Thread(() -> loop.callSoonThreadsafe(loop::stop));
        other.start();
        loop.runForever();
        other.join();
        assertEquals(0.0, loop.time());
        assertEquals(List.of(), events);
    }
}
