package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Cancelling what awaits a {@link java.util.concurrent.Future} cancels it too [Python:
 * {@code asyncio.wrap_future}, test_futures.py test_wrap_future_cancel].
 */
class WrapFutureTest extends VirtualLoopTest {

    // test_futures.py: test_wrap_future_cancel (cancelling the wrapping side cancels the source)
    @Test
    void cancellingTheAwaitingTaskCancelsTheCompletableFuture() {
        CompletableFuture<String> response = new CompletableFuture<>();
        Task<Object> fetch = loop.createTask(script(tryCatch(block(await(() -> response)), CancelledException.class,
                e -> block(log("fetch cancelled")))));
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(() -> fetch.cancel())));
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertTrue(response.isCancelled());
        assertEquals(List.of("fetch cancelled"), events);
    }

    @Test
    void aWaitForTimeoutCancelsTheCompletableFuture() {
        CompletableFuture<String> response = new CompletableFuture<>();
        assertThrows(AsyncTimeoutException.class, () -> runMain(script(await(() -> Asyncio.waitFor(response, 2)))));
        assertTrue(response.isCancelled());
        assertEquals(2.0, loop.time());
    }

    @Test
    void aShieldLeavesTheCompletableFutureRunning() {
        CompletableFuture<String> response = new CompletableFuture<>();
        Task<Object> waiting = loop.createTask(script(await(() -> Asyncio.shield(response))));
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(() -> waiting.cancel()), await(() -> Asyncio.sleep(0))));
        assertTrue(waiting.isCancelled());
        assertFalse(response.isDone());
    }

    @Test
    void aStageThatRefusesCancellationIsLeftAlone() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletionStage<String> minimal = source.minimalCompletionStage();
        Task<Object> waiting = loop.createTask(script(await(() -> minimal)));
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(() -> waiting.cancel()), await(() -> Asyncio.sleep(0))));
        assertTrue(waiting.isCancelled());
        assertFalse(source.isDone());
    }
}
