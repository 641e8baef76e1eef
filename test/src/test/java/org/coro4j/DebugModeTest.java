package org.coro4j;

import static org.coro4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Debug mode: slow steps and coroutines never awaited, reported on the org.coro4j logger [Python: asyncio debug mode]. */
class DebugModeTest {
    /** Kept strongly: java.util.logging holds loggers weakly. */
    private static final Logger LOGGER = Logger.getLogger("org.coro4j");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final EventLoop loop = EventLoop.withVirtualClock();
    private int suspensionLine;

    DebugModeTest() {
        LOGGER.addHandler(handler);
    }

    @AfterEach
    void tearDown() {
        LOGGER.removeHandler(handler);
        if (!loop.isClosed()) {
            loop.close();
        }
    }

    private List<String> warnings() {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).collect(Collectors.toList());
        }
    }

    @Async
    private Coroutine<Void> worker() {
        suspensionLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        Await.on(sleep(1.0));
        return Coroutine.done();
    }

    @Async
    private static Coroutine<Void> forgotten() {
        return Coroutine.done();
    }

    // test_base_events.py: test_slow_callback_duration (a step at least as long as the duration is reported)
    @Test
    void inDebugModeAStepAsLongAsTheSlowCallbackDurationIsLoggedWithWhereTheTaskSuspendedNext() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(0);

        loop.runUntilComplete(loop.createTask(worker(), "worker"));

        List<String> warnings = warnings().stream().filter(w -> w.startsWith("Executing Task")).collect(Collectors.toList());
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings().stream().anyMatch(w -> w.matches("Executing callback TimerHandle<when=1\\.0> took \\d+\\.\\d{3} seconds")),
                warnings().toString());
        assertTrue(warnings.get(0).matches("Executing Task \"worker\" took \\d+\\.\\d{3} seconds; it suspended next at DebugModeTest\\.java:"
                + suspensionLine), warnings.get(0));
        assertTrue(warnings.get(1).matches("Executing Task \"worker\" took \\d+\\.\\d{3} seconds; it finished"), warnings.get(1));
    }

    @Test
    void stepsShorterThanTheDurationAndStepsOutsideDebugModeAreNotLogged() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(3600);
        loop.runUntilComplete(loop.createTask(worker(), "quick"));
        loop.setDebug(false);
        loop.setSlowCallbackDuration(0);
        loop.runUntilComplete(loop.createTask(worker(), "not debugged"));

        assertEquals(List.of(), warnings());
    }

    @Test
    void theSlowCallbackDurationIsANumberOfSeconds() {
        assertEquals(0.1, loop.getSlowCallbackDuration());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.setSlowCallbackDuration(Double.NaN));
        assertEquals("slow callback duration must be a number of seconds >= 0, not NaN", e.getMessage());
    }

    // test_coroutines / test_tasks.py: test_coroutine_never_yielded ("was never awaited", with where it was created)
    @Test
    void aCoroutineCollectedWithoutBeingAwaitedIsLoggedWithThePlaceItWasCreated() throws InterruptedException {
        loop.setDebug(true);
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        forgotten();
        loop.runUntilComplete(loop.createTask(forgotten(), "awaited"));

        String expected = "coroutine org.coro4j.DebugModeTest.forgotten was never awaited; it was created at\n"
                + "\tat org.coro4j.DebugModeTest.aCoroutineCollectedWithoutBeingAwaitedIsLoggedWithThePlaceItWasCreated(DebugModeTest.java:"
                + line + ")\n";
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (warnings().stream().noneMatch(w -> w.startsWith(expected)) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(10);
        }
        List<String> reports = warnings().stream().filter(w -> w.contains("DebugModeTest.java:" + line + ")")
                || w.contains("DebugModeTest.java:" + (line + 1) + ")")).collect(Collectors.toList());
        assertEquals(1, reports.size(), warnings().toString());
        assertTrue(reports.get(0).startsWith(expected), reports.get(0));
    }
}
