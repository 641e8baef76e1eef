package org.coro4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ReadyQueue}: first in first out across its chunks, whatever the mix of adds and polls. */
class ReadyQueueTest {

    @Test
    void itemsComeOutInTheOrderTheyWentInAcrossManyChunks() {
        ReadyQueue queue = new ReadyQueue();
        for (int i = 0; i < 5_000; i++) {
            queue.add(i);
        }
        assertEquals(5_000, queue.size());
        for (int i = 0; i < 5_000; i++) {
            assertEquals(i, queue.poll());
        }
        assertTrue(queue.isEmpty());
        assertNull(queue.poll());
    }

    @Test
    void randomAddsAndPollsMatchADeque() {
        ReadyQueue queue = new ReadyQueue();
        ArrayDeque<Object> expected = new ArrayDeque<>();
        Random random = new Random(10);
        int next = 0;
        for (int step = 0; step < 200_000; step++) {
            if (random.nextInt(100) < (step / 20_000 % 2 == 0 ? 60 : 40)) {
                queue.add(next);
                expected.add(next++);
            } else {
                assertEquals(expected.poll(), queue.poll());
            }
            assertEquals(expected.size(), queue.size());
        }
        while (!expected.isEmpty()) {
            assertEquals(expected.poll(), queue.poll());
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void clearEmptiesTheQueueWhichThenWorksAsNew() {
        ReadyQueue queue = new ReadyQueue();
        for (int i = 0; i < 3_000; i++) {
            queue.add(i);
        }
        queue.clear();
        assertTrue(queue.isEmpty());
        assertNull(queue.poll());
        queue.add("again");
        assertEquals(1, queue.size());
        assertEquals("again", queue.poll());
    }
}
