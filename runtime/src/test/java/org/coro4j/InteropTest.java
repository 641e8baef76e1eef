package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Other threads: CompletionStage interop, toThread, callSoonThreadsafe. These use real threads and the wall clock. */
@Timeout(30)
class InteropTest {
    private final EventLoop loop = EventLoop.create();
    private final List<ExceptionContext> reported = new ArrayList<>();
    private final List<Thread> started = new ArrayList<>();

    InteropTest() {
        loop.setExceptionHandler((l, context) -> reported.add(context));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Thread thread : started) {
            thread.join(10_000);
        }
        if (!loop.isClosed()) {
            loop.close();
        }
    }

    private void later(long millis, Runnable action) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            action.run();
        }, "completer");
        started.add(thread);
        thread.start();
    }

    @Test
    void aStageCompletedOnAnotherThreadResumesTheTaskOnTheLoopThread() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        later(50, () -> stage.complete("from elsewhere"));
        List<String> seen = new ArrayList<>();
        loop.runUntilComplete(script(
                await(() -> stage, v -> seen.add(v + " on " + Thread.currentThread().getName()))));
        assertEquals(List.of("from elsewhere on " + Thread.currentThread().getName()), seen);
    }

    @Test
    void aStageFailedOnAnotherThreadThrowsTheSameExceptionUnwrapped() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        IOException error = new IOException("remote");
        later(50, () -> stage.completeExceptionally(error));
        AtomicReference<Throwable> caught = new AtomicReference<>();
        loop.runUntilComplete(script(tryCatch(block(await(() -> stage)), IOException.class,
                e -> block(Script.run(() -> caught.set(e))))));
        assertSame(error, caught.get());
    }

    @Test
    void aCompletedStageIsAwaitedWithoutSuspending() {
        List<String> order = new ArrayList<>();
        loop.runUntilComplete(script(
                Script.run(() -> loop.callSoon(() -> order.add("callback"))),
                await(() -> CompletableFuture.completedFuture("ready"), v -> order.add((String) v))));
        assertEquals(List.of("ready", "callback"), order);
    }

    @Test
    void aFutureCanBeWaitedForFromAnotherThread() throws Exception {
        Future<String>[] future = newFutureHolder();
        CompletableFuture<String>[] completable = newCompletableHolder();
        String result = loop.runUntilComplete(script(
                Script.run(() -> future[0] = new Future<>()),
                Script.run(() -> completable[0] = future[0].toCompletableFuture()),
                Script.run(() -> loop.callLater(0.05, () -> future[0].setResult("done"))),
                await(() -> future[0]),
                returning(() -> "ok")));
        assertEquals("ok", result);
        assertEquals("done", runElsewhere(() -> completable[0].get(5, TimeUnit.SECONDS)));
    }

    @SuppressWarnings("unchecked")
    private static Future<String>[] newFutureHolder() {
        return new Future[1];
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<String>[] newCompletableHolder() {
        return new CompletableFuture[1];
    }

    private <T> T runElsewhere(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void toThreadRunsOnAWorkerAndDeliversTheResultOnTheLoop() throws InterruptedException {
        String loopThread = Thread.currentThread().getName();
        AtomicReference<Thread> worker = new AtomicReference<>();
        List<String> seen = new ArrayList<>();
        loop.runUntilComplete(script(await(() -> Asyncio.toThread(() -> {
            worker.set(Thread.currentThread());
            return "computed";
        }), v -> seen.add(v + " seen on " + Thread.currentThread().getName()))));
        assertNotEquals(loopThread, worker.get().getName());
        assertTrue(worker.get().getName().startsWith("coro4j-worker-"));
        assertEquals(List.of("computed seen on " + loopThread), seen);
        loop.close();
        worker.get().join(10_000);
        assertFalse(worker.get().isAlive());
    }

    @Test
    void toThreadDeliversTheWorkersException() {
        IOException error = new IOException("io");
        AtomicReference<Throwable> caught = new AtomicReference<>();
        loop.runUntilComplete(script(tryCatch(block(await(() -> Asyncio.toThread(() -> {
            throw error;
        }))), IOException.class, e -> block(Script.run(() -> caught.set(e))))));
        assertSame(error, caught.get());
    }

    @Test
    void tasksAwaitingWorkersRunConcurrently() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Object[] results = new Object[1];
        loop.runUntilComplete(script(await(() -> Asyncio.gather(
                Asyncio.toThread(() -> {
                    bothStarted.countDown();
                    return bothStarted.await(10, TimeUnit.SECONDS);
                }),
                Asyncio.toThread(() -> {
                    bothStarted.countDown();
                    return bothStarted.await(10, TimeUnit.SECONDS);
                })), v -> results[0] = v)));
        assertEquals(List.of(true, true), results[0]);
    }

    @Test
    void callSoonThreadsafeFromManyThreadsRunsEveryCallbackExactlyOnce() throws InterruptedException {
        int threads = 4;
        int perThread = 5_000;
        int[] runs = new int[threads * perThread];
        int[] total = new int[1];
        Future<Void>[] allRan = newVoidHolder();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            Thread poster = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = first; i < first + perThread; i++) {
                    int id = i;
                    loop.callSoonThreadsafe(() -> {
                        runs[id]++;
                        if (++total[0] == runs.length) {
                            allRan[0].setResult(null);
                        }
                    });
                }
            }, "poster-" + t);
            started.add(poster);
            poster.start();
        }
        loop.runUntilComplete(script(
                Script.run(() -> allRan[0] = new Future<>()),
                Script.run(go::countDown),
                await(() -> allRan[0])));
        for (int i = 0; i < runs.length; i++) {
            assertEquals(1, runs[i], "callback " + i);
        }
    }

    @SuppressWarnings("unchecked")
    private static Future<Void>[] newVoidHolder() {
        return new Future[1];
    }

    @Test
    void callSoonThreadsafeWakesALoopWaitingForAFarTimer() {
        Future<Void>[] woken = newVoidHolder();
        long start = System.nanoTime();
        loop.runUntilComplete(script(
                Script.run(() -> woken[0] = new Future<>()),
                Script.run(() -> loop.callLater(3600, () -> { })),
                Script.run(() -> later(50, () -> loop.callSoonThreadsafe(() -> woken[0].setResult(null)))),
                await(() -> woken[0])));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }
}
