package org.coro4j.benchmarks;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;

/**
 * W2, switch: {@code tasks} tasks each yielding {@code switches} times with {@code sleep(0)}, so the
 * loop switches between them round-robin [Python: {@code await asyncio.sleep(0)} in a loop].
 */
public final class Switch {
    private Switch() {
    }

    /** Runs the workload on a new loop and returns how many yields completed, {@code tasks * switches}. */
    public static long run(int tasks, int switches) {
        return Asyncio.run(main(tasks, switches));
    }

    @Async
    static Coroutine<Long> main(int tasks, int switches) {
        Object[] yielders = new Object[tasks];
        for (int i = 0; i < tasks; i++) {
            yielders[i] = yielder(switches);
        }
        long total = 0;
        for (Object count : Await.on(Asyncio.gather(yielders))) {
            total += (Integer) count;
        }
        return Coroutine.of(total);
    }

    @Async
    static Coroutine<Integer> yielder(int switches) {
        int done = 0;
        for (int i = 0; i < switches; i++) {
            Await.on(Asyncio.sleep(0));
            done++;
        }
        return Coroutine.of(done);
    }
}
