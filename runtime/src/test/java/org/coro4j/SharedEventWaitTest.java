package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link Event#awaitUnseen()}, what {@code Await.on(event.await())} calls once instrumented: waiters
 * that begin waiting one after the other share one future, and each behaves exactly as a waiter on
 * a future of its own ({@link Event#await()}) does.
 */
class SharedEventWaitTest extends VirtualLoopTest {
    private void runBriefly() {
        runMain(script(await(() -> Asyncio.sleep(0))));
    }

    private Task<Object> waiter(String name, Future<Void> future) {
        return loop.createTask(script(await(() -> future), logTime(name)));
    }

    private Task<Object> waiter(String name, Event event, Function<Event, Future<Void>> wait) {
        return loop.createTask(script(
                Script.tryCatch(block(await(() -> wait.apply(event)), logTime(name)),
                        CancelledException.class, e -> block(Script.run(() -> events.add(name + " cancelled: " + e.getMessage()))))));
    }

    @Test
    void waitersThatBeginOneAfterTheOtherShareAFutureAndResumeInTheirOrderAmongTheOthers() {
        Event event = new Event();
        List<Future<Void>> futures = new ArrayList<>();
        runMain(script(Script.run(() -> {
            futures.add(event.awaitUnseen());
            futures.add(event.await());
            futures.add(event.awaitUnseen());
            futures.add(event.awaitUnseen());
            futures.add(event.await());
        })));
        assertNotSame(futures.get(0), futures.get(2), "a waiter on a future of its own between them");
        assertSame(futures.get(2), futures.get(3));
        String[] names = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < names.length; i++) {
            waiter(names[i], futures.get(i));
        }
        runBriefly();
        assertEquals("Event<unset waiters=5>", event.toString());
        loop.callLater(1, event::set);
        runMain(script(await(() -> Asyncio.sleep(2))));
        assertEquals(List.of("a@1.0", "b@1.0", "c@1.0", "d@1.0", "e@1.0"), events);
        assertEquals("Event<set>", event.toString());
        runMain(script(Script.run(() -> events.add("set: " + event.awaitUnseen().isDone()))));
        assertEquals("set: true", events.get(5));
    }

    // test_locks.py: EventTests.test_wait_cancel, with waiters that share a future
    @Test
    void cancellingOneWaiterOfASharedFutureLeavesTheOthersWaiting() {
        Event event = new Event();
        waiter("a", event, Event::awaitUnseen);
        Task<Object> b = waiter("b", event, Event::awaitUnseen);
        waiter("c", event, Event::awaitUnseen);
        runBriefly();
        assertEquals("Event<unset waiters=3>", event.toString());
        assertTrue(b.cancel("stop"));
        runBriefly();
        assertEquals(List.of("b cancelled: stop"), events);
        assertEquals("Event<unset waiters=2>", event.toString());
        loop.callLater(2, event::set);
        runMain(script(await(() -> Asyncio.sleep(3))));
        assertEquals(List.of("b cancelled: stop", "a@2.0", "c@2.0"), events);
    }

    @Test
    void aSharedFutureWaiterCancelledTwiceUncancelledOrCancelledFirstEndsAsOneWithAFutureOfItsOwn() {
        assertEquals(cancellations(Event::await), cancellations(Event::awaitUnseen));
        // as in asyncio: the first cancel() cancels the awaited future, whose message the task gets
        assertEquals(List.of("cancelled at once cancelled: early", "twice cancelled: one", "cancelled, uncancelled cancelled: x",
                "kept@0.0", "twice: cancelled false, cancelling 2", "cancelled, uncancelled: cancelled false, cancelling 0"),
                cancellations(Event::awaitUnseen));
    }

    private List<String> cancellations(Function<Event, Future<Void>> wait) {
        events.clear();
        Event event = new Event();
        Task<Object> twice = waiter("twice", event, wait);
        Task<Object> uncancelled = waiter("cancelled, uncancelled", event, wait);
        Task<?>[] early = new Task<?>[1];
        early[0] = loop.createTask(script(Script.run(() -> early[0].cancel("early")),
                Script.tryCatch(block(await(() -> wait.apply(event)), logTime("cancelled at once")),
                        CancelledException.class, e -> block(Script.run(() -> events.add("cancelled at once cancelled: " + e.getMessage()))))));
        waiter("kept", event, wait);
        runBriefly();
        twice.cancel("one");
        twice.cancel("two");
        uncancelled.cancel("x");
        uncancelled.uncancel();
        runBriefly();
        event.set();
        runBriefly();
        events.add("twice: cancelled " + twice.isCancelled() + ", cancelling " + twice.cancelling());
        events.add("cancelled, uncancelled: cancelled " + uncancelled.isCancelled() + ", cancelling " + uncancelled.cancelling());
        return new ArrayList<>(events);
    }

    @Test
    void registrationsOfCancelledWaitersAreRemovedOnceTheyOutnumberTheLiveOnes() {
        Event event = new Event();
        List<Task<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            tasks.add(waiter("w" + i, event, Event::awaitUnseen));
        }
        Task<Object> kept = waiter("kept", event, Event::awaitUnseen);
        runBriefly();
        List<Future<Void>> shared = new ArrayList<>();
        runMain(script(Script.run(() -> shared.add(event.awaitUnseen()))));
        assertEquals(1_001, shared.get(0).awaiters().size());
        for (Task<Object> task : tasks) {
            task.cancel();
        }
        runBriefly();
        assertTrue(shared.get(0).awaiters().size() < 32, shared.get(0).awaiters().size() + " registrations kept");
        assertTrue(shared.get(0).awaiters().contains(kept));
        assertEquals("Event<unset waiters=1>", event.toString());
        for (int i = 0; i < 10_000; i++) {
            Task<Object> again = waiter("again", event, Event::awaitUnseen);
            runBriefly();
            again.cancel();
            runBriefly();
        }
        assertTrue(shared.get(0).awaiters().size() < 32, shared.get(0).awaiters().size() + " registrations kept");
        assertSame(shared.get(0), loop.runUntilComplete(script(Script.returning(event::awaitUnseen))));
        event.set();
        runBriefly();
        assertEquals("kept@0.0", events.get(events.size() - 1));
        assertEquals(11_000, events.stream().filter(line -> line.endsWith("cancelled: null")).count());
    }
}
