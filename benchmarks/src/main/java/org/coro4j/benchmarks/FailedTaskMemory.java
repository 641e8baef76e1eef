package org.coro4j.benchmarks;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.EventLoop;

/**
 * Failed fire-and-forget tasks: {@code tasks} tasks whose coroutine throws, none of them awaited
 * or kept. Each failure is reported as "exception was never retrieved" once its task is garbage
 * collected, so the heap the loop retains stays flat however many there were. The figure is the
 * used heap after full collections once every failure was reported, minus the same reading taken
 * before the first task was created.
 */
public final class FailedTaskMemory {
    /** The default number of failed tasks. */
    public static final int TASKS = 1_000_000;
    private static final int BATCH = 1_000;
    private static final int MAX_COLLECTION_ROUNDS = 2_000;

    private FailedTaskMemory() {
    }

    /** What one measurement found: how many tasks failed, how many failures were reported, the heap retained. */
    public record Retained(int tasks, int reported, long bytes) {
    }

    /** Measures once with {@code tasks} failing tasks on a new loop. */
    public static Retained measure(int tasks) {
        return Asyncio.run(main(tasks));
    }

    /** Prints the median of three measurements of the heap retained after {@link #TASKS} failed tasks. */
    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : TASKS;
        double[] megabytes = new double[3];
        int reported = tasks;
        for (int i = 0; i < megabytes.length; i++) {
            Retained retained = measure(tasks);
            megabytes[i] = retained.bytes() / (1024.0 * 1024.0);
            reported = Math.min(reported, retained.reported());
        }
        Measure.report("W6", "coro4j", Measure.median(megabytes),
                "MB retained after " + tasks + " failed tasks (" + reported + " reported)");
    }

    @Async
    static Coroutine<Retained> main(int tasks) {
        int[] reported = new int[1];
        EventLoop.current().setExceptionHandler((loop, context) -> reported[0]++);
        IllegalStateException error = new IllegalStateException("fire and forget");
        long before = Measure.usedHeapAfterGc();
        for (int i = 0; i < tasks; i++) {
            Asyncio.createTask(failing(error));
            if (i % BATCH == BATCH - 1) {
                Await.on(Asyncio.sleep(0));
            }
        }
        Await.on(Asyncio.sleep(0));
        for (int round = 0; reported[0] < tasks && round < MAX_COLLECTION_ROUNDS; round++) {
            Await.on(Asyncio.toThread(() -> {
                System.gc();
                Thread.sleep(5);
                return null;
            }));
        }
        long after = Measure.usedHeapAfterGc();
        return Coroutine.of(new Retained(tasks, reported[0], after - before));
    }

    @Async
    static Coroutine<Void> failing(RuntimeException error) {
        throw error;
    }
}
