package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.loopWhile;
import static org.coro4j.Script.block;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Queue} [asyncio test_queues.py behaviours]. */
class QueueTest extends VirtualLoopTest {

    private Task<Object> getter(String name, Queue<String> queue) {
        return loop.createTask(script(await(queue::get, v -> events.add(name + " got " + v + "@" + loop.time()))));
    }

    @Test
    void itemsComeOutInTheOrderTheyWentIn() {
        Queue<String> queue = new Queue<>();
        queue.putNowait("a");
        queue.putNowait("b");
        assertEquals(2, queue.size());
        assertEquals("a", queue.getNowait());
        assertEquals("b", queue.getNowait());
        assertTrue(queue.isEmpty());
    }

    // test_queues.py: test_nonblocking_get_exception / test_nonblocking_put_exception
    @Test
    void nowaitOperationsFailInsteadOfWaiting() {
        Queue<String> queue = new Queue<>(1);
        assertThrows(QueueEmptyException.class, queue::getNowait);
        queue.putNowait("a");
        assertTrue(queue.isFull());
        assertThrows(QueueFullException.class, () -> queue.putNowait("b"));
    }

    // test_queues.py: test_blocking_get_wait
    @Test
    void gettersWaitForItemsFirstInFirstOut() {
        Queue<String> queue = new Queue<>();
        getter("g1", queue);
        getter("g2", queue);
        loop.callLater(1, () -> queue.putNowait("x"));
        loop.callLater(2, () -> queue.putNowait("y"));
        runMain(script(await(() -> Asyncio.sleep(3))));
        assertEquals(List.of("g1 got x@1.0", "g2 got y@2.0"), events);
    }

    // test_queues.py: test_blocking_put_wait
    @Test
    void puttersWaitForRoomFirstInFirstOut() {
        Queue<String> queue = new Queue<>(1);
        for (String item : List.of("a", "b", "c")) {
            loop.createTask(script(await(() -> queue.put(item)), logTime("put " + item)));
        }
        loop.createTask(script(loopWhile(() -> true, block(await(() -> Asyncio.sleep(1)),
                await(queue::get, v -> events.add("got " + v + "@" + loop.time()))))));
        runMain(script(await(() -> Asyncio.sleep(3.5))));
        assertEquals(List.of("put a@0.0", "got a@1.0", "put b@1.0", "got b@2.0", "put c@2.0", "got c@3.0"), events);
    }

    // test_queues.py: test_cancelled_getters_not_being_held_in_self_getters / test_get_cancelled_race
    @Test
    void anItemHandedToACancelledGetterGoesToTheNext() {
        Queue<String> queue = new Queue<>();
        Task<Object> first = getter("g1", queue);
        getter("g2", queue);
        runMain(script(await(() -> Asyncio.sleep(0)), Script.run(() -> queue.putNowait("x")), Script.run(() -> first.cancel())));
        runMain(script(await(() -> Asyncio.sleep(1))));
        assertTrue(first.isCancelled());
        assertEquals(List.of("g2 got x@0.0"), events);
        assertEquals(0, queue.size());
    }

    // test_queues.py: test_put_cancelled_race
    @Test
    void aPutterCancelledAfterItsPutTakesTheItemBack() {
        Queue<String> queue = new Queue<>(1);
        queue.putNowait("a");
        Task<Object> putter = loop.createTask(script(await(() -> queue.put("b"))));
        runMain(script(await(() -> Asyncio.sleep(0)), Script.run(() -> events.add("got " + queue.getNowait())),
                Script.run(() -> putter.cancel())));
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertTrue(putter.isCancelled());
        assertEquals(List.of("got a"), events);
        assertEquals(0, queue.size());
    }

    // test_queues.py: test_task_done / test_join_empty_queue
    @Test
    void joinWaitsUntilEveryItemIsMarkedDone() {
        Queue<String> queue = new Queue<>();
        runMain(script(await(queue::join), logTime("empty queue joined")));
        queue.putNowait("a");
        queue.putNowait("b");
        loop.createTask(script(loopWhile(() -> true, block(await(queue::get), await(() -> Asyncio.sleep(1)),
                Script.run(queue::taskDone)))));
        runMain(script(await(queue::join), logTime("joined")));
        assertEquals(List.of("empty queue joined@0.0", "joined@2.0"), events);
    }

    // test_queues.py: test_task_done_underflow
    @Test
    void tooManyTaskDoneCallsAreAnError() {
        Queue<String> queue = new Queue<>();
        assertThrows(InvalidStateException.class, queue::taskDone);
    }
}
