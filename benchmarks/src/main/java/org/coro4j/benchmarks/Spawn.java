package org.coro4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Task;

/**
 * W1, spawn: {@code tasks} tasks whose coroutines return at once, gathered and summed, in the two
 * forms of asyncio code: tasks created first with {@code createTask} and then gathered
 * [Python: {@code await asyncio.gather(*[asyncio.create_task(value(i)) for i in range(n)])}], and
 * coroutines handed to {@code gather}, which wraps each in a task
 * [Python: {@code await asyncio.gather(*(value(i) for i in range(n)))}].
 */
public final class Spawn {
    private Spawn() {
    }

    /** Creates the tasks, gathers them on a new loop and returns the sum of the results, {@code tasks * (tasks - 1) / 2}. */
    public static long runTasks(int tasks) {
        return Asyncio.run(gatherTasks(tasks));
    }

    /** Gathers the coroutines on a new loop and returns the sum of the results, {@code tasks * (tasks - 1) / 2}. */
    public static long runCoroutines(int tasks) {
        return Asyncio.run(gatherCoroutines(tasks));
    }

    @Async
    static Coroutine<Long> gatherTasks(int tasks) {
        List<Task<Integer>> created = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            created.add(Asyncio.createTask(value(i)));
        }
        List<Object> results = Await.on(Asyncio.gather(created));
        return Coroutine.of(sum(results));
    }

    @Async
    static Coroutine<Long> gatherCoroutines(int tasks) {
        List<Coroutine<Integer>> coroutines = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            coroutines.add(value(i));
        }
        List<Object> results = Await.on(Asyncio.gather(coroutines));
        return Coroutine.of(sum(results));
    }

    private static long sum(List<Object> results) {
        long sum = 0;
        for (Object result : results) {
            sum += (Integer) result;
        }
        return sum;
    }

    @Async
    static Coroutine<Integer> value(int i) {
        return Coroutine.of(i);
    }
}
