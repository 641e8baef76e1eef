package org.coro4j;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.gather;
import static org.coro4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** {@code @AsyncTest}s as a user writes them; Surefire runs them through the coro4j engine. */
class AsyncTestExamplesTest {

    @Async
    static Coroutine<String> messenger(double seconds, String text) {
        Await.on(sleep(seconds));
        return Coroutine.of(text);
    }

    @AsyncTest
    Coroutine<Void> tasksSleepAtTheSameTime(VirtualClock clock) {
        Task<String> first = createTask(messenger(1.0, "A"));
        Task<String> second = createTask(messenger(1.0, "B"));
        assertEquals("AB", Await.on(first) + Await.on(second));
        assertEquals(1.0, clock.now());
        return Coroutine.done();
    }

    @AsyncTest(timeout = 5)
    Coroutine<Void> gatherKeepsArgumentOrder() {
        List<Object> results = Await.on(gather(messenger(3.0, "slow"), messenger(1.0, "fast")));
        assertEquals(List.of("slow", "fast"), results);
        return Coroutine.done();
    }

    @AsyncTest
    Coroutine<Void> aBackgroundTaskMayOutliveTheTest(BackgroundTasks background, VirtualClock clock) {
        Queue<Integer> numbers = new Queue<>(0);
        background.createTask(produce(numbers), "producer");
        assertEquals(0, Await.on(numbers.get()));
        assertEquals(1, Await.on(numbers.get()));
        assertEquals(1.0, clock.now());
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> produce(Queue<Integer> numbers) {
        for (int i = 0; ; i++) {
            Await.on(numbers.put(i));
            Await.on(sleep(1.0));
        }
    }
}
