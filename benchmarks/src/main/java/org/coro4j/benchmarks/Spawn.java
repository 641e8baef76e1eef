package org.coro4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;

/**
 * W1, spawn: {@code tasks} tasks whose coroutines return at once, gathered and summed
 * [Python: {@code sum(await asyncio.gather(*(value(i) for i in range(n))))}].
 */
public final class Spawn {
    private Spawn() {
    }

    /** Runs the workload on a new loop and returns the sum of the gathered results, {@code tasks * (tasks - 1) / 2}. */
    public static long run(int tasks) {
        return Asyncio.run(main(tasks));
    }

    @Async
    static Coroutine<Long> main(int tasks) {
        List<Coroutine<Integer>> coroutines = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            coroutines.add(value(i));
        }
        List<Object> results = Await.on(Asyncio.gather(coroutines));
        long sum = 0;
        for (Object result : results) {
            sum += (Integer) result;
        }
        return Coroutine.of(sum);
    }

    @Async
    static Coroutine<Integer> value(int i) {
        return Coroutine.of(i);
    }
}
