package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryFinally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Lock}, {@link Event}, {@link Semaphore}, {@link BoundedSemaphore} [asyncio test_locks.py behaviours]. */
class LockTest extends VirtualLoopTest {

    private void runBriefly() {
        runMain(script(await(() -> Asyncio.sleep(0))));
    }

    /** A task that takes {@code lock}, holds it {@code seconds} and releases it, logging both ends. */
    private Task<Object> holder(String name, Lock lock, double seconds) {
        return loop.createTask(script(
                await(lock::acquire),
                logTime(name + " acquired"),
                tryFinally(block(await(() -> Asyncio.sleep(seconds))), block(Script.run(lock::release)))));
    }

    @Test
    void waitersGetTheLockFirstInFirstOut() {
        Lock lock = new Lock();
        holder("a", lock, 1);
        holder("b", lock, 1);
        holder("c", lock, 1);
        runMain(script(await(() -> Asyncio.sleep(5))));
        assertEquals(List.of("a acquired@0.0", "b acquired@1.0", "c acquired@2.0"), events);
        assertFalse(lock.isLocked());
    }

    @Test
    void releasingAnUnlockedLockIsAnError() {
        assertThrows(InvalidStateException.class, () -> new Lock().release());
    }

    @Test
    void aCancelledWaiterIsSkipped() {
        Lock lock = new Lock();
        holder("a", lock, 1);
        Task<Object> b = holder("b", lock, 1);
        holder("c", lock, 1);
        runBriefly();
        b.cancel();
        runMain(script(await(() -> Asyncio.sleep(5))));
        assertEquals(List.of("a acquired@0.0", "c acquired@1.0"), events);
        assertTrue(b.isCancelled());
    }

    // test_locks.py: test_cancel_release_race
    @Test
    void aWaiterCancelledAfterBeingHandedTheLockPassesItOn() {
        Lock lock = new Lock();
        Task<Object> a = holder("a", lock, 1);
        Task<Object> b = holder("b", lock, 1);
        holder("c", lock, 1);
        loop.callLater(1, () -> {
            if (a.isDone()) {
                throw new AssertionError("a must still be running");
            }
        });
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(() -> {
            if (!b.isDone()) {
                b.cancel();
            }
        })));
        runMain(script(await(() -> Asyncio.sleep(5))));
        assertTrue(b.isCancelled());
        assertEquals(List.of("a acquired@0.0", "c acquired@1.0"), events);
        assertFalse(lock.isLocked());
    }

    @Test
    void anEventWakesEveryWaiterInOrder() {
        Event event = new Event();
        for (String name : List.of("a", "b", "c")) {
            loop.createTask(script(await(event::await), logTime(name)));
        }
        loop.callLater(2, event::set);
        runMain(script(await(() -> Asyncio.sleep(3))));
        assertEquals(List.of("a@2.0", "b@2.0", "c@2.0"), events);
        assertTrue(event.isSet());
    }

    // test_locks.py: EventTests.test_wait_cancel, with waiters that stay
    @Test
    void cancellingOneEventWaiterLeavesTheOthersWaiting() {
        Event event = new Event();
        loop.createTask(script(await(event::await), logTime("a")));
        Task<Object> b = loop.createTask(script(await(event::await), logTime("b")));
        loop.createTask(script(await(event::await), logTime("c")));
        runBriefly();
        assertEquals("Event<unset waiters=3>", event.toString());
        b.cancel();
        runBriefly();
        assertTrue(b.isCancelled());
        assertEquals("Event<unset waiters=2>", event.toString());
        loop.callLater(2, event::set);
        runMain(script(await(() -> Asyncio.sleep(3))));
        assertEquals(List.of("a@2.0", "c@2.0"), events);
        assertEquals("Event<set>", event.toString());
    }

    @Test
    void anEventWaiterWhoseFutureIsCancelledLeavesTheOthersWaiting() {
        Event event = new Event();
        Task<Object> a = loop.createTask(script(await(event::await), logTime("a")));
        List<Future<Void>> middle = new ArrayList<>();
        runMain(script(Script.run(() -> middle.add(event.await()))));
        Task<Object> c = loop.createTask(script(await(event::await), logTime("c")));
        runBriefly();
        assertTrue(middle.get(0).cancel());
        event.set();
        runBriefly();
        assertTrue(middle.get(0).isCancelled());
        assertEquals(List.of("a@0.0", "c@0.0"), events);
        assertTrue(a.isDone() && c.isDone());
    }

    @Test
    void manyWaitersTimingOutOnAnEventLeaveOnlyTheLiveOnesCounted() {
        Event event = new Event();
        int[] timedOut = new int[1];
        for (int i = 0; i < 1_000; i++) {
            loop.createTask(script(Script.tryCatch(block(await(() -> Asyncio.waitFor(event.await(), 1))),
                    AsyncTimeoutException.class, e -> block(Script.run(() -> timedOut[0]++)))));
        }
        loop.createTask(script(await(event::await), logTime("kept")));
        runMain(script(await(() -> Asyncio.sleep(2))));
        assertEquals(1_000, timedOut[0]);
        assertEquals("Event<unset waiters=1>", event.toString());
        List<String> expected = new ArrayList<>(List.of("kept@3.0"));
        for (int i = 0; i < 100; i++) {
            loop.createTask(script(await(event::await), logTime("late " + i)));
            expected.add("late " + i + "@3.0");
        }
        loop.callLater(1, event::set);
        runMain(script(await(() -> Asyncio.sleep(2))));
        assertEquals(expected, events);
    }

    @Test
    void aSetEventDoesNotBlockUntilCleared() {
        Event event = new Event();
        event.set();
        runMain(script(await(event::await), logTime("passed")));
        event.clear();
        assertFalse(event.isSet());
        Task<Object> waiter = loop.createTask(script(await(event::await), logTime("waited")));
        runMain(script(await(() -> Asyncio.sleep(1))));
        assertFalse(waiter.isDone());
        event.set();
        loop.runUntilComplete(waiter);
        assertEquals(List.of("passed@0.0", "waited@1.0"), events);
    }

    @Test
    void aSemaphoreAdmitsAsManyTasksAsItHasPermits() {
        Semaphore semaphore = new Semaphore(2);
        for (String name : List.of("a", "b", "c", "d")) {
            loop.createTask(script(await(semaphore::acquire), logTime(name),
                    await(() -> Asyncio.sleep(1)), Script.run(semaphore::release)));
        }
        runMain(script(await(() -> Asyncio.sleep(5))));
        assertEquals(List.of("a@0.0", "b@0.0", "c@1.0", "d@1.0"), events);
        assertFalse(semaphore.isLocked());
    }

    @Test
    void aSemaphoreServesWaitersBeforeANewAcquirer() {
        Semaphore semaphore = new Semaphore(1);
        loop.createTask(script(await(semaphore::acquire), logTime("a"), await(() -> Asyncio.sleep(1)),
                Script.run(semaphore::release), await(semaphore::acquire), logTime("a again"), Script.run(semaphore::release)));
        loop.createTask(script(await(semaphore::acquire), logTime("b"), await(() -> Asyncio.sleep(1)), Script.run(semaphore::release)));
        runMain(script(await(() -> Asyncio.sleep(5))));
        assertEquals(List.of("a@0.0", "b@1.0", "a again@2.0"), events);
    }

    @Test
    void aSemaphoreCannotStartNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    }

    @Test
    void aBoundedSemaphoreRefusesAnExtraRelease() {
        BoundedSemaphore semaphore = new BoundedSemaphore(1);
        runMain(script(await(semaphore::acquire)));
        assertTrue(semaphore.isLocked());
        semaphore.release();
        assertThrows(InvalidStateException.class, semaphore::release);
    }

    @Test
    void aSemaphorePermitHandedToACancelledWaiterGoesToTheNext() {
        Semaphore semaphore = new Semaphore(1);
        loop.createTask(script(await(semaphore::acquire), await(() -> Asyncio.sleep(1)), Script.run(semaphore::release)));
        Task<Object> b = loop.createTask(script(await(semaphore::acquire), logTime("b")));
        loop.createTask(script(await(semaphore::acquire), logTime("c"), Script.run(semaphore::release)));
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(() -> b.cancel())));
        runMain(script(await(() -> Asyncio.sleep(1))));
        assertTrue(b.isCancelled());
        assertEquals(List.of("c@1.0"), events);
        assertFalse(semaphore.isLocked());
    }
}
