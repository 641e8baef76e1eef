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
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Queue#shutdown}, {@link PriorityQueue} and {@link LifoQueue}, ported from CPython's test_queues.py. */
class QueueShutdownTest extends VirtualLoopTest {

    /** A task that awaits {@code call} and records what it got or {@code shut down}. */
    private Task<Object> awaiting(String name, Supplier<Future<?>> call) {
        return loop.createTask(script(tryCatch(
                block(await(call::get, v -> events.add(name + " got " + v + "@" + loop.time()))),
                QueueShutDownException.class,
                e -> block(Script.run(() -> events.add(name + " shut down@" + loop.time()))))));
    }

    private void runBriefly() {
        runMain(script(await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0)), await(() -> Asyncio.sleep(0))));
    }

    // test_queues.py: _QueueShutdownTestMixin.test_shutdown_empty
    @Test
    void anEmptyShutDownQueueRefusesPutsAndGets() {
        Queue<String> queue = new Queue<>();
        queue.shutdown();
        assertTrue(queue.isShutDown());
        assertEquals("the queue was shut down", assertThrows(QueueShutDownException.class, () -> queue.putNowait("data")).getMessage());
        assertThrows(QueueShutDownException.class, queue::getNowait);
        runMain(script(Script.run(() -> {
            assertThrows(QueueShutDownException.class, () -> queue.put("data"));
            assertThrows(QueueShutDownException.class, queue::get);
        })));
    }

    // test_queues.py: _QueueShutdownTestMixin.test_shutdown_nonempty
    @Test
    void itemsLeftCanStillBeTakenAfterAShutdown() {
        Queue<String> queue = new Queue<>(1);
        queue.putNowait("data");
        queue.shutdown();
        runMain(script(await(queue::get, v -> events.add("got " + v))));
        assertThrows(QueueShutDownException.class, queue::getNowait);
        assertThrows(QueueShutDownException.class, () -> queue.putNowait("data"));
        assertEquals(List.of("got data"), events);
    }

    // test_queues.py: _QueueShutdownTestMixin.test_shutdown_immediate
    @Test
    void anImmediateShutdownDropsTheItems() {
        Queue<String> queue = new Queue<>();
        queue.putNowait("data");
        queue.shutdown(true);
        assertEquals(0, queue.size());
        assertThrows(QueueShutDownException.class, queue::getNowait);
        runMain(script(await(queue::join), logTime("joined")));
        assertEquals(List.of("joined@0.0"), events);
    }

    // test_queues.py: _QueueShutdownTestMixin.test_shutdown_immediate_with_unfinished
    @Test
    void joinStillWaitsForItemsTakenBeforeAnImmediateShutdown() {
        Queue<String> queue = new Queue<>();
        queue.putNowait("data");
        queue.putNowait("data");
        queue.getNowait();
        Task<Object> join = loop.createTask(script(await(queue::join), logTime("joined")));
        queue.shutdown(true);
        runBriefly();
        assertFalse(join.isDone());
        queue.taskDone();
        runBriefly();
        assertTrue(join.isDone());
        assertThrows(InvalidStateException.class, queue::taskDone);
    }

    // test_queues.py: _QueueShutdownTestMixin.test_shutdown_empty (the pending get) / test_shutdown_nonempty (the pending put)
    @Test
    void blockedGettersAndPuttersFailWhenTheQueueShutsDown() {
        Queue<String> empty = new Queue<>();
        Queue<String> full = new Queue<>(1);
        full.putNowait("first");
        awaiting("getter", empty::get);
        awaiting("putter", () -> full.put("second"));
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(empty::shutdown), Script.run(full::shutdown)));
        runBriefly();
        assertEquals(List.of("getter shut down@1.0", "putter shut down@1.0"), events);
        assertEquals(1, full.size());
        assertEquals("first", full.getNowait());
    }

    @Test
    void aNonImmediateShutdownLetsGettersDrainTheQueue() {
        Queue<String> queue = new Queue<>();
        queue.putNowait("a");
        queue.putNowait("b");
        queue.shutdown();
        for (String name : List.of("g1", "g2", "g3")) {
            awaiting(name, queue::get);
        }
        runBriefly();
        assertEquals(List.of("g1 got a@0.0", "g2 got b@0.0", "g3 shut down@0.0"), events);
    }

    // test_queues.py: LifoQueueTests.test_order
    @Test
    void aLifoQueueHandsOutTheLastItemFirst() {
        LifoQueue<Integer> queue = new LifoQueue<>();
        for (int item : new int[] {1, 3, 2}) {
            queue.putNowait(item);
        }
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(queue.getNowait());
        }
        assertEquals(List.of(2, 3, 1), items);
    }

    // test_queues.py: PriorityQueueTests.test_order
    @Test
    void aPriorityQueueHandsOutTheSmallestItemFirst() {
        PriorityQueue<Integer> natural = new PriorityQueue<>();
        PriorityQueue<String> byLength = new PriorityQueue<>(0, Comparator.comparing(String::length));
        for (int item : new int[] {1, 3, 2}) {
            natural.putNowait(item);
        }
        for (String item : List.of("ccc", "a", "bb")) {
            byLength.putNowait(item);
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(natural.getNowait());
        }
        for (int i = 0; i < 3; i++) {
            items.add(byLength.getNowait());
        }
        assertEquals(List.of(1, 2, 3, "a", "bb", "ccc"), items);
    }

    // test_queues.py: test_blocking_put_wait, with a bounded LifoQueue
    @Test
    void boundedLifoAndPriorityQueuesMakePuttersWait() {
        LifoQueue<String> lifo = new LifoQueue<>(1);
        PriorityQueue<Integer> priority = new PriorityQueue<>(1);
        lifo.putNowait("x");
        priority.putNowait(5);
        assertThrows(QueueFullException.class, () -> lifo.putNowait("y"));
        awaiting("lifo putter", () -> lifo.put("y"));
        awaiting("priority putter", () -> priority.put(1));
        runMain(script(await(() -> Asyncio.sleep(1)), Script.run(() -> events.add("took " + lifo.getNowait() + " " + priority.getNowait()))));
        runBriefly();
        assertEquals(List.of("took x 5", "lifo putter got null@1.0", "priority putter got null@1.0"), events);
        assertEquals("y", lifo.getNowait());
        assertEquals(1, priority.getNowait());
    }
}
