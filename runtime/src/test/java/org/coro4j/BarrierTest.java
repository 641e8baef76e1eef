package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link Barrier}, ported from CPython's test_locks.py BarrierTests. */
class BarrierTest extends VirtualLoopTest {
    private final List<Object> results = new ArrayList<>();

    /** A task that waits at {@code barrier} and records its index, or {@code broken}. */
    private Task<Object> party(Barrier barrier) {
        return loop.createTask(script(tryCatch(
                block(await(barrier::await, results::add)),
                BrokenBarrierException.class,
                e -> block(Script.run(() -> results.add("broken: " + e.getMessage()))))));
    }

    private void runBriefly() {
        runMain(script(await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0))));
    }

    // test_locks.py: BarrierTests.test_barrier_parties
    @Test
    void partiesMustBePositive() {
        assertEquals("Barrier: parties must be >= 1, not 0", assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Barrier(-4));
        assertEquals(5, new Barrier(5).parties());
    }

    // test_locks.py: BarrierTests.test_filling_one_task
    @Test
    void oneLatePartyReleasesTheBarrierAtOnce() {
        Barrier barrier = new Barrier(1);
        runMain(script(await(barrier::await, results::add)));
        assertEquals(List.of(0), results);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // test_locks.py: BarrierTests.test_filling_task_by_task
    @Test
    void eachArrivalCountsAsWaiting() {
        Barrier barrier = new Barrier(3);
        party(barrier);
        runBriefly();
        assertEquals(1, barrier.nWaiting());
        party(barrier);
        runBriefly();
        assertEquals(2, barrier.nWaiting());
        party(barrier);
        runBriefly();
        assertEquals(0, barrier.nWaiting());
        assertEquals(3, results.size());
    }

    // test_locks.py: BarrierTests.test_filling_tasks_check_return_value / test_filling_tasks_wait_twice
    @Test
    void everyPartyGetsItsArrivalIndexEachRound() {
        Barrier barrier = new Barrier(4);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                party(barrier);
            }
            runBriefly();
        }
        assertEquals(8, results.size());
        Set<Object> first = new TreeSet<>(results.subList(0, 4));
        Set<Object> second = new TreeSet<>(results.subList(4, 8));
        assertEquals(Set.of(0, 1, 2, 3), first);
        assertEquals(first, second);
        assertFalse(barrier.isBroken());
    }

    // test_locks.py: BarrierTests.test_filling_tasks_cancel_one
    @Test
    void aCancelledPartyLeavesTheRound() {
        Barrier barrier = new Barrier(3);
        party(barrier);
        Task<Object> cancelled = party(barrier);
        runBriefly();
        assertEquals(2, barrier.nWaiting());
        cancelled.cancel();
        runBriefly();
        assertEquals(1, barrier.nWaiting());
        party(barrier);
        party(barrier);
        runBriefly();
        assertEquals(0, barrier.nWaiting());
        assertEquals(3, results.size());
        assertTrue(cancelled.isCancelled());
    }

    // test_locks.py: BarrierTests.test_reset_barrier_while_tasks_waiting
    @Test
    void aResetBreaksTheWaitersButNotTheBarrier() {
        Barrier barrier = new Barrier(3);
        party(barrier);
        party(barrier);
        runBriefly();
        runMain(script(await(barrier::reset)));
        runBriefly();
        assertEquals(List.of("broken: Abort or reset of barrier", "broken: Abort or reset of barrier"), results);
        assertFalse(barrier.isBroken());
        assertEquals(0, barrier.nWaiting());
    }

    // test_locks.py: BarrierTests.test_abort_barrier
    @Test
    void anAbortBreaksTheWaitersAndLaterArrivals() {
        Barrier barrier = new Barrier(3);
        party(barrier);
        runBriefly();
        runMain(script(await(barrier::abort)));
        party(barrier);
        runBriefly();
        assertTrue(barrier.isBroken());
        assertEquals(List.of("broken: Abort or reset of barrier", "broken: Barrier aborted"), results);
    }

    // test_locks.py: BarrierTests.test_abort_and_reset
    @Test
    void aResetAfterAnAbortMakesTheBarrierUsableAgain() {
        Barrier barrier = new Barrier(2);
        runMain(script(await(barrier::abort)));
        assertTrue(barrier.isBroken());
        runMain(script(await(barrier::reset)));
        assertFalse(barrier.isBroken());
        party(barrier);
        party(barrier);
        runBriefly();
        assertEquals(Set.of(0, 1), new TreeSet<>(results));
    }
}
