package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.raise;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryFinally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** {@link Asyncio#run} [asyncio test_runners.py behaviours] and misuse outside instrumented code. */
class RunTest {
    private final EventLoop loop = EventLoop.withVirtualClock();
    private final List<String> events = new ArrayList<>();
    private final List<ExceptionContext> reported = new ArrayList<>();

    RunTest() {
        loop.setExceptionHandler((l, context) -> reported.add(context));
    }

    // test_runners.py: test_asyncio_run_return
    @Test
    void runReturnsTheResultAndClosesTheLoop() {
        assertEquals("A Message", Asyncio.run(loop, script(await(() -> Asyncio.sleep(1)), returning(() -> "A Message"))));
        assertTrue(loop.isClosed());
        assertEquals(1.0, loop.time());
    }

    // test_runners.py: test_asyncio_run_raises
    @Test
    void runRethrowsTheMainCoroutinesExceptionAndClosesTheLoop() {
        IOException error = new IOException("spam");
        Throwable thrown = assertThrows(IOException.class, () -> Asyncio.run(loop, script(raise(() -> error))));
        assertSame(error, thrown);
        assertTrue(loop.isClosed());
    }

    // test_runners.py: test_asyncio_run_cancels_hanging_tasks
    @Test
    void runCancelsTheTasksLeftAndLetsThemCleanUp() {
        Task<?>[] left = new Task<?>[1];
        Asyncio.run(loop, script(
                Script.run(() -> left[0] = Asyncio.createTask(script(tryFinally(block(await(() -> Asyncio.sleep(10))),
                        block(await(() -> Asyncio.sleep(1)), Script.run(() -> events.add("cleaned up@" + loop.time()))))))),
                await(() -> Asyncio.sleep(2))));
        assertTrue(left[0].isCancelled());
        assertEquals(List.of("cleaned up@3.0"), events);
        assertEquals(List.of(), reported);
    }

    // test_runners.py: test_asyncio_run_reports_hanging_tasks_errors
    @Test
    void runReportsTasksThatFailWhileBeingCancelled() {
        IllegalStateException error = new IllegalStateException("boom");
        Asyncio.run(loop, script(
                Script.run(() -> Asyncio.createTask(script(tryFinally(block(await(() -> Asyncio.sleep(10))),
                        block(raise(() -> error)))))),
                await(() -> Asyncio.sleep(0))));
        assertEquals(1, reported.size());
        assertSame(error, reported.get(0).exception());
        assertTrue(reported.get(0).message().contains("shutdown"));
    }

    // test_runners.py: test_asyncio_run_from_running_loop
    @Test
    void runRefusesToRunInsideARunningLoop() {
        AsyncUsageException[] refused = new AsyncUsageException[1];
        Coroutine<Object> inner = script(log());
        Asyncio.run(loop, script(Script.run(() -> refused[0] = assertThrows(AsyncUsageException.class,
                () -> Asyncio.run(inner)))));
        assertTrue(refused[0].getMessage().contains("running event loop"));
        assertEquals(List.of(), events);
    }

    private Script.Step log() {
        return Script.run(() -> events.add("inner ran"));
    }

    @Test
    void awaitOutsideAnInstrumentedCoroutineExplainsHowToInstrument() {
        Future<String> future = new Future<>(loop);
        AsyncUsageException e = assertThrows(AsyncUsageException.class, () -> Await.on(future));
        assertTrue(e.getMessage().contains("@Async"));
        assertTrue(e.getMessage().contains("coro4j-maven-plugin"));
        loop.close();
    }

    @Test
    void theDefaultExceptionHandlerLogsThroughSystemLogger() {
        try (LoggedRecords logged = LoggedRecords.start()) {
            loop.setExceptionHandler(null);
            IllegalStateException error = new IllegalStateException("x");
            loop.callExceptionHandler(new ExceptionContext("reported through System.Logger", error, null));
            List<LogRecord> records = logged.records();
            assertEquals(1, records.size());
            assertEquals(Level.SEVERE, records.get(0).getLevel());
            assertTrue(records.get(0).getMessage().contains("reported through System.Logger"));
            assertSame(error, records.get(0).getThrown());
        } finally {
            loop.close();
        }
    }

    @Test
    void aFailingExceptionHandlerDoesNotBreakTheLoop() {
        loop.setExceptionHandler((l, context) -> {
            throw new IllegalStateException("handler broke");
        });
        loop.callSoon(() -> {
            throw new IllegalArgumentException("callback broke");
        });
        assertEquals("still running", loop.runUntilComplete(script(await(() -> Asyncio.sleep(1)), returning(() -> "still running"))));
        loop.close();
    }
}
