package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Asyncio#shield}, ported from CPython's test_tasks.py. */
class ShieldTest extends VirtualLoopTest {

    private void runBriefly() {
        runMain(script(await(() -> Asyncio.sleep(0))));
    }

    private <T> Future<T> shield(Object awaitable) {
        return Shielded.start(loop, awaitable);
    }

    // test_tasks.py: test_shield_result
    @Test
    void theShieldGetsTheInnerResult() {
        Future<Integer> inner = new Future<>(loop);
        Future<Integer> outer = shield(inner);
        inner.setResult(42);
        assertEquals(42, loop.runUntilComplete(outer));
    }

    // test_tasks.py: test_shield_exception
    @Test
    void theShieldGetsTheInnerException() {
        Future<Integer> inner = new Future<>(loop);
        Future<Integer> outer = shield(inner);
        IllegalStateException error = new IllegalStateException();
        inner.setException(error);
        runBriefly();
        assertSame(error, outer.exception());
    }

    // test_tasks.py: test_shield_cancel_inner
    @Test
    void cancellingTheInnerCancelsTheShield() {
        Future<Integer> inner = new Future<>(loop);
        Future<Integer> outer = shield(inner);
        inner.cancel();
        runBriefly();
        assertTrue(outer.isCancelled());
    }

    // test_tasks.py: test_shield_cancel_outer
    @Test
    void cancellingTheShieldLeavesTheInnerRunning() {
        Future<Integer> inner = new Future<>(loop);
        Future<Integer> outer = shield(inner);
        outer.cancel();
        runBriefly();
        assertTrue(outer.isCancelled());
        assertFalse(inner.isCancelled());
        inner.setResult(1);
        runBriefly();
        loop.close();
        assertEquals(List.of(), reported);
    }

    // test_tasks.py: test_shield_shortcut
    @Test
    void shieldingADoneFutureReturnsIt() {
        Future<Integer> done = new Future<>(loop);
        done.setResult(42);
        assertSame(done, shield(done));
    }

    // test_tasks.py: test_shield_effect
    @Test
    void cancellingATaskAwaitingAShieldDoesNotCancelTheShieldedWork() {
        Future<Object> waiter = new Future<>(loop);
        int[] proof = new int[1];
        Coroutine<Object> inner = script(await(() -> waiter), Script.run(() -> proof[0] += 1));
        Task<Object> outer = loop.createTask(script(await(() -> shield(inner)), Script.run(() -> proof[0] += 100)));
        runBriefly();
        outer.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(outer));
        waiter.setResult(4);
        runBriefly();
        runBriefly();
        assertEquals(1, proof[0]);
    }

    // test_tasks.py: test_shield_gather
    @Test
    void aShieldedGatheringKeepsGathering() {
        Future<Object> child1 = new Future<>(loop);
        Future<Object> child2 = new Future<>(loop);
        Future<List<Object>> parent = Gathering.start(loop, false, List.of(child1, child2));
        Future<List<Object>> outer = shield(parent);
        runBriefly();
        outer.cancel();
        assertTrue(outer.isCancelled());
        child1.setResult(1);
        child2.setResult(2);
        runBriefly();
        runBriefly();
        assertEquals(List.of(1, 2), parent.result());
    }

    // test_tasks.py: test_gather_shield
    @Test
    void cancellingAGatheringOfShieldsLeavesTheChildrenRunning() {
        Future<Object> child1 = new Future<>(loop);
        Future<Object> child2 = new Future<>(loop);
        Future<List<Object>> parent = Gathering.start(loop, false, List.of(shield(child1), shield(child2)));
        runBriefly();
        assertTrue(parent.cancel());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(parent));
        assertFalse(child1.isCancelled());
        assertFalse(child2.isCancelled());
        child1.setResult(1);
        child2.setResult(2);
        runBriefly();
    }
}
