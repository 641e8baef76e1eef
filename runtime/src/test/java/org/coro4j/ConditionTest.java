package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.coro4j.Script.tryFinally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Condition} [asyncio test_locks.py ConditionTests behaviours]. */
class ConditionTest extends VirtualLoopTest {
    private final Condition condition = new Condition(new Lock());

    private Task<Object> waiter(String name) {
        return loop.createTask(script(
                await(condition::acquire),
                await(condition::await),
                logTime(name + " woke holding=" + "lock"),
                Script.run(() -> events.add(name + " locked=" + condition.isLocked())),
                Script.run(condition::release)));
    }

    private Coroutine<Object> signalling(int n) {
        return script(await(condition::acquire), Script.run(() -> condition.signal(n)), Script.run(condition::release));
    }

    // test_locks.py: test_notify
    @Test
    void signalWakesTheLongestWaitersFirst() {
        waiter("a");
        waiter("b");
        waiter("c");
        runMain(script(await(() -> Asyncio.sleep(1)), await(() -> signalling(1)), await(() -> Asyncio.sleep(1)),
                await(() -> signalling(2)), await(() -> Asyncio.sleep(1))));
        assertEquals(List.of("a woke holding=lock@1.0", "a locked=true",
                "b woke holding=lock@2.0", "b locked=true", "c woke holding=lock@2.0", "c locked=true"), events);
    }

    // test_locks.py: test_notify_all
    @Test
    void signalAllWakesEveryWaiter() {
        waiter("a");
        waiter("b");
        runMain(script(await(() -> Asyncio.sleep(1)), await(condition::acquire),
                Script.run(condition::signalAll), Script.run(condition::release), await(() -> Asyncio.sleep(1))));
        assertEquals(List.of("a woke holding=lock@1.0", "a locked=true", "b woke holding=lock@1.0", "b locked=true"), events);
    }

    // test_locks.py: test_wait_unacquired / test_notify_unacquired
    @Test
    void waitingOrSignallingWithoutTheLockIsAnError() {
        runMain(script(Script.run(() -> {
            assertThrows(InvalidStateException.class, condition::await);
            assertThrows(InvalidStateException.class, () -> condition.signal(1));
        })));
    }

    // test_locks.py: test_wait_cancel_contested
    @Test
    void aCancelledWaiterHoldsTheLockAgainBeforeSeeingTheCancellation() {
        Task<Object> holder = loop.createTask(script(await(() -> Asyncio.sleep(1)), await(condition::acquire),
                await(() -> Asyncio.sleep(2)), Script.run(condition::release)));
        Task<Object> w = loop.createTask(script(await(condition::acquire),
                tryCatch(block(await(condition::await)), CancelledException.class, e -> block(
                        logTime("cancelled"), Script.run(() -> events.add("locked=" + condition.isLocked())))),
                Script.run(condition::release)));
        runMain(script(await(() -> Asyncio.sleep(2)), Script.run(() -> w.cancel())));
        loop.runUntilComplete(w);
        loop.runUntilComplete(holder);
        assertEquals(List.of("cancelled@3.0", "locked=true"), events);
    }

    @Test
    void aSignalReachingACancelledWaiterIsPassedOn() {
        Task<Object> a = loop.createTask(script(await(condition::acquire),
                tryFinally(block(await(condition::await), logTime("a")), block(Script.run(condition::release)))));
        loop.createTask(script(await(condition::acquire), await(condition::await), logTime("b"),
                Script.run(condition::release)));
        runMain(script(await(() -> Asyncio.sleep(1)), await(condition::acquire), Script.run(() -> condition.signal(1)),
                Script.run(() -> a.cancel()), Script.run(condition::release), await(() -> Asyncio.sleep(1))));
        assertTrue(a.isCancelled());
        assertEquals(List.of("b@1.0"), events);
    }

    // test_locks.py: ConditionTests.test_wait_for (each wake-up takes a few loop iterations here, so the steps sleep 1 s)
    @Test
    void waitForReturnsOnceThePredicateHoldsAfterASignal() {
        boolean[] holds = new boolean[1];
        Task<Object> waiting = loop.createTask(script(
                await(condition::acquire),
                await(() -> condition.waitFor(() -> holds[0])),
                logTime("predicate held, locked=" + "true"),
                Script.run(() -> events.add("locked=" + condition.isLocked())),
                Script.run(condition::release)));
        runMain(script(await(() -> Asyncio.sleep(1))));
        assertEquals(List.of(), events);
        runMain(script(await(() -> signalling(1)), await(() -> Asyncio.sleep(1))));
        assertEquals(List.of(), events);
        holds[0] = true;
        runMain(script(await(() -> signalling(1)), await(() -> Asyncio.sleep(1))));
        assertEquals(List.of("predicate held, locked=true@2.0", "locked=true"), events);
        assertTrue(waiting.isDone());
        assertTrue(!condition.isLocked());
    }

    // test_locks.py: ConditionTests.test_wait_for_unacquired
    @Test
    void waitForNeedsTheLockOnlyIfThePredicateDoesNotHold() {
        runMain(script(await(() -> condition.waitFor(() -> true)), logTime("held at once")));
        runMain(script(Script.run(() -> events.add(assertThrows(InvalidStateException.class,
                () -> condition.waitFor(() -> false)).getMessage()))));
        assertEquals(List.of("held at once@0.0", "cannot wait on un-acquired lock"), events);
    }

    @Test
    void aCancelledWaitForStillReacquiresTheLock() {
        Task<Object> waiting = loop.createTask(script(
                await(condition::acquire),
                tryCatch(block(await(() -> condition.waitFor(() -> false))), CancelledException.class,
                        e -> block(Script.run(() -> events.add("cancelled, locked=" + condition.isLocked())), Script.run(condition::release)))));
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(() -> waiting.cancel()), await(() -> Asyncio.sleep(1))));
        assertEquals(List.of("cancelled, locked=true"), events);
        assertTrue(!condition.isLocked());
    }
}
