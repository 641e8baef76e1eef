package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.loopWhile;
import static org.coro4j.Script.named;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Exceptions nobody retrieved are reported when their future is garbage collected, or when the
 * loop closes [Python: {@code Future.__del__} logging "exception was never retrieved"].
 */
class UnretrievedExceptionTest extends VirtualLoopTest {
    private static final long MB = 1024 * 1024;

    /** A wait on a worker thread that also collects garbage, so that the cleaner can run. */
    private static Future<Object> collectGarbage() {
        return Asyncio.toThread(() -> {
            System.gc();
            Thread.sleep(10);
            return null;
        });
    }

    private static void collectUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
            System.gc();
            Thread.sleep(10);
        }
    }

    @Test
    void aCollectedTaskIsReportedToTheHandlerOnTheLoopThread() {
        IOException error = new IOException("boom");
        String[] reportedOn = new String[1];
        loop.setExceptionHandler((l, context) -> {
            reported.add(context);
            reportedOn[0] = Thread.currentThread().getName();
        });
        String loopThread = Thread.currentThread().getName();
        loop.createTask(named("lost", Script.raise(() -> error)), "lost");
        int[] rounds = new int[1];
        runMain(script(loopWhile(() -> reported.isEmpty() && rounds[0]++ < 500, block(await(UnretrievedExceptionTest::collectGarbage)))));
        assertEquals(1, reported.size());
        assertEquals("Task exception was never retrieved\nfuture: <Task finished name='lost' coro=<Script.lost()> exception=java.io.IOException: boom>",
                reported.get(0).message());
        assertSame(error, reported.get(0).exception());
        assertNull(reported.get(0).task());
        assertEquals(loopThread, reportedOn[0]);
        loop.close();
        assertEquals(1, reported.size(), "reported once only");
    }

    @Test
    void aCollectedTaskIsLoggedByTheDefaultHandlerNamingItOnce() {
        loop.setExceptionHandler(null);
        try (LoggedRecords logged = LoggedRecords.start()) {
            loop.createTask(named("lost", Script.raise(() -> new IOException("boom"))), "lost");
            int[] rounds = new int[1];
            runMain(script(loopWhile(() -> logged.records().isEmpty() && rounds[0]++ < 500,
                    block(await(UnretrievedExceptionTest::collectGarbage)))));
            assertEquals(List.of("Task exception was never retrieved\nfuture: <Task finished name='lost' coro=<Script.lost()>"
                    + " exception=java.io.IOException: boom>"), logged.messages());
            loop.close();
            assertEquals(1, logged.records().size(), "reported once only");
        }
    }

    @Test
    void aFutureCollectedWhileTheLoopIsNotRunningIsLoggedDirectly() throws InterruptedException {
        try (LoggedRecords logged = LoggedRecords.start()) {
            WeakReference<Future<Object>> probe = failedFuture(new IllegalStateException("dropped"));
            collectUntil(() -> probe.get() == null && !logged.records().isEmpty());
            List<LogRecord> records = logged.records();
            assertEquals(1, records.size());
            assertEquals("Future exception was never retrieved\nfuture: <Future finished exception=java.lang.IllegalStateException: dropped>",
                    records.get(0).getMessage());
            assertEquals(Level.SEVERE, records.get(0).getLevel());
            assertEquals("dropped", records.get(0).getThrown().getMessage());
        }
        loop.close();
        assertEquals(List.of(), reported);
    }

    private WeakReference<Future<Object>> failedFuture(Throwable error) {
        Future<Object> future = new Future<>(loop);
        future.setException(error);
        return new WeakReference<>(future);
    }

    @Test
    void aRetrievedExceptionIsNeverReportedEvenWhenCollected() throws InterruptedException {
        try (LoggedRecords logged = LoggedRecords.start()) {
            Future<Object> future = new Future<>(loop);
            future.setException(new IllegalStateException("seen"));
            future.exception();
            WeakReference<Future<Object>> probe = new WeakReference<>(future);
            future = null;
            collectUntil(() -> probe.get() == null);
            assertNull(probe.get());
            Thread.sleep(50);
            loop.close();
            assertEquals(List.of(), logged.messages());
        }
        assertEquals(List.of(), reported);
    }

    @Test
    void theLoopDoesNotKeepAFailedFutureAlive() throws InterruptedException {
        WeakReference<Future<Object>> probe = failedFuture(new IllegalStateException("dropped"));
        collectUntil(() -> probe.get() == null);
        assertNull(probe.get());
    }

    /** A coroutine that fails at once, as small as a generated one. */
    private static Coroutine<Object> failing(RuntimeException error) {
        return new Continuation<>() {
            @Override
            protected Object invokeBody() {
                throw error;
            }
        };
    }

    @Test
    void retainedHeapStaysFlatWithAMillionFailedFireAndForgetTasks() throws InterruptedException {
        EventLoop own = EventLoop.withVirtualClock();
        int[] count = new int[1];
        own.setExceptionHandler((l, context) -> count[0]++);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        int total = 1_000_000;
        int[] created = new int[1];
        IllegalStateException error = new IllegalStateException("fire and forget");
        int[] rounds = new int[1];
        own.runUntilComplete(script(
                loopWhile(() -> created[0] < total, block(
                        Script.run(() -> {
                            for (int i = 0; i < 1000; i++, created[0]++) {
                                own.createTask(failing(error));
                            }
                        }),
                        await(() -> Asyncio.sleep(0)))),
                loopWhile(() -> count[0] < total && rounds[0]++ < 1000, block(await(UnretrievedExceptionTest::collectGarbage)))));
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        assertEquals(total, count[0], "every failure is reported once its task is collected");
        assertTrue(after - before < 64 * MB, "retained " + (after - before) / MB + " MB after " + total + " failed tasks");
        own.close();
        assertEquals(total, count[0]);
    }
}
