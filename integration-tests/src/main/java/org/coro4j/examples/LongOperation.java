package org.coro4j.examples;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.sleep;

import java.io.PrintStream;
import org.coro4j.Async;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Task;

/**
 * "Run two coroutines concurrently and get their results": tasks of 3 s and 2 s finish together
 * after 3 s, the longest of the two, not 5 s.
 */
public final class LongOperation {

    private final PrintStream out;

    /** Creates the example printing to {@code out}. */
    public LongOperation(PrintStream out) {
        this.out = out;
    }

    /** Prints {@code message}, sleeps {@code delay} seconds and says so. */
    @Async
    public Coroutine<String> longOperation(String message, int delay) {
        out.println(message);
        Await.on(sleep(delay));
        return Coroutine.of("Done after " + delay + " seconds");
    }

    /** Starts both operations as tasks, awaits them and prints their results and the elapsed time. */
    @Async
    public Coroutine<Double> main() {
        double start = Clock.now();
        Task<String> task1 = createTask(longOperation("Task 1 started", 3));
        Task<String> task2 = createTask(longOperation("Task 2 started", 2));
        String result1 = Await.on(task1);
        String result2 = Await.on(task2);
        out.println(result1);
        out.println(result2);
        double elapsed = Clock.now() - start;
        out.println("Finished in " + Clock.seconds(elapsed) + " seconds");
        return Coroutine.of(elapsed);
    }
}
