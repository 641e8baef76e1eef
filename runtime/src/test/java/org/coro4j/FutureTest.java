package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Future states, done callbacks and unretrieved exceptions [asyncio test_futures.py behaviours]. */
class FutureTest extends VirtualLoopTest {

    private Future<String> future() {
        return new Future<>(loop);
    }

    private void runBriefly() {
        runMain(script(await(() -> Asyncio.sleep(0))));
    }

    @Test
    void aPendingFutureHasNoResultYet() {
        Future<String> f = future();
        assertFalse(f.isDone());
        assertFalse(f.isCancelled());
        assertThrows(InvalidStateException.class, f::result);
        assertThrows(InvalidStateException.class, f::exception);
    }

    @Test
    void aResultCanBeSetOnce() {
        Future<String> f = future();
        f.setResult("r");
        assertTrue(f.isDone());
        assertEquals("r", f.result());
        assertNull(f.exception());
        assertThrows(InvalidStateException.class, () -> f.setResult("again"));
        assertThrows(InvalidStateException.class, () -> f.setException(new IOException()));
        assertFalse(f.cancel());
    }

    @Test
    void aFailedFutureRethrowsTheSameCheckedExceptionObject() {
        Future<String> f = future();
        IOException error = new IOException("disk");
        f.setException(error);
        assertSame(error, f.exception());
        Throwable thrown = assertThrows(IOException.class, f::result);
        assertSame(error, thrown);
    }

    @Test
    void cancelWithMessageMakesResultThrowCancelledExceptionWithThatMessage() {
        Future<String> f = future();
        assertTrue(f.cancel("stop it"));
        assertTrue(f.isCancelled());
        assertTrue(f.isDone());
        assertEquals("stop it", assertThrows(CancelledException.class, f::result).getMessage());
        assertEquals("stop it", assertThrows(CancelledException.class, f::exception).getMessage());
        assertFalse(f.cancel());
    }

    @Test
    void doneCallbacksAreScheduledInRegistrationOrderNeverInline() {
        Future<String> f = future();
        f.addDoneCallback(x -> events.add("first " + x.result()));
        f.addDoneCallback(x -> events.add("second " + x.result()));
        f.setResult("r");
        assertEquals(List.of(), events);
        f.addDoneCallback(x -> events.add("added when done"));
        assertEquals(List.of(), events);
        runBriefly();
        assertEquals(List.of("first r", "second r", "added when done"), events);
    }

    @Test
    void cancellingRunsTheDoneCallbacks() {
        Future<String> f = future();
        f.addDoneCallback(x -> events.add("cancelled=" + x.isCancelled()));
        f.cancel();
        runBriefly();
        assertEquals(List.of("cancelled=true"), events);
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistrationAndCountsThem() {
        Future<String> f = future();
        Consumer<Future<String>> twice = x -> events.add("twice");
        Consumer<Future<String>> kept = x -> events.add("kept");
        f.addDoneCallback(twice);
        f.addDoneCallback(kept);
        f.addDoneCallback(twice);
        assertEquals(2, f.removeDoneCallback(twice));
        assertEquals(0, f.removeDoneCallback(twice));
        f.setResult("r");
        runBriefly();
        assertEquals(List.of("kept"), events);
    }

    @Test
    void anExceptionNeverRetrievedIsReportedWhenTheLoopCloses() {
        Future<String> f = future();
        IllegalStateException error = new IllegalStateException("lost");
        f.setException(error);
        loop.close();
        assertEquals(1, reported.size());
        assertEquals("Future exception was never retrieved\nfuture: <Future finished exception=java.lang.IllegalStateException: lost>",
                reported.get(0).message());
        assertSame(error, reported.get(0).exception());
    }

    @Test
    void aRetrievedExceptionIsNotReported() {
        Future<String> viaException = future();
        viaException.setException(new IllegalStateException());
        viaException.exception();
        Future<String> viaResult = future();
        viaResult.setException(new IllegalStateException());
        assertThrows(IllegalStateException.class, viaResult::result);
        loop.close();
        assertEquals(List.of(), reported);
    }

    @Test
    void aTaskExceptionNobodyAwaitedIsReportedWithTheTask() {
        IllegalArgumentException error = new IllegalArgumentException("bad");
        Task<Object> task = loop.createTask(Script.named("failing", Script.raise(() -> error)), "lost");
        runMain(script(await(() -> Asyncio.sleep(1))));
        assertTrue(task.isDone());
        loop.close();
        assertEquals(1, reported.size());
        assertEquals("Task exception was never retrieved\nfuture: <Task finished name='lost' coro=<Script.failing()>"
                + " exception=java.lang.IllegalArgumentException: bad>", reported.get(0).message());
        assertEquals("Task exception was never retrieved\nfuture: " + task, reported.get(0).message(),
                "the report describes the task as it prints");
        assertSame(task, reported.get(0).task());
        assertSame(error, reported.get(0).exception());
        assertEquals(reported.get(0).message(), reported.get(0).printed(), "printed, the report names the task once");
    }

    @Test
    void aFutureNeedsARunningLoopToBeCreatedWithoutOne() {
        assertThrows(AsyncUsageException.class, Future::new);
        Future<?>[] created = new Future<?>[1];
        runMain(script(Script.run(() -> created[0] = new Future<>())));
        assertSame(loop, created[0].loop());
    }

    @Test
    void toCompletableFutureCompletesWithTheOutcome() throws Exception {
        Future<String> ok = future();
        Future<String> failed = future();
        Future<String> cancelled = future();
        CompletableFuture<String> okStage = ok.toCompletableFuture();
        CompletableFuture<String> failedStage = failed.toCompletableFuture();
        CompletableFuture<String> cancelledStage = cancelled.toCompletableFuture();
        ok.setResult("v");
        IOException error = new IOException("e");
        failed.setException(error);
        cancelled.cancel("why");
        runBriefly();
        assertEquals("v", okStage.get());
        assertSame(error, assertThrows(ExecutionException.class, failedStage::get).getCause());
        Throwable cause = assertThrows(ExecutionException.class, cancelledStage::get).getCause();
        assertTrue(cause instanceof CancelledException);
        assertEquals("why", cause.getMessage());
    }
}
