package org.coro4j.benchmarks;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Event;
import org.coro4j.Future;
import org.coro4j.Task;

/**
 * W3, memory: {@code tasks} tasks suspended at once on one gate, either one shared {@link Future}
 * or one {@link Event}; the retained heap per suspended task is the used heap after full
 * collections with every task suspended, minus the same reading taken just before the tasks were
 * created, divided by the number of tasks. The array that keeps the task handles is allocated
 * before the first reading, so only the tasks themselves (and what the loop and the gate keep for
 * them) are counted.
 */
public final class SuspendedMemory {
    /** The default number of suspended tasks. */
    public static final int TASKS = 100_000;

    private SuspendedMemory() {
    }

    /** What one measurement found. */
    public record Footprint(int suspended, int resumed, double bytesPerTask) {
    }

    /** Measures once with {@code tasks} tasks awaiting one {@link Event} or, if {@code onEvent} is false, one shared future. */
    public static Footprint measure(int tasks, boolean onEvent) {
        return Asyncio.run(main(new Task<?>[tasks], onEvent));
    }

    /** Prints, for each gate, the median of five measurements of {@link #TASKS} tasks (after one discarded run). */
    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : TASKS;
        for (boolean onEvent : new boolean[] {false, true}) {
            measure(tasks, onEvent);
            double[] bytes = new double[5];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = measure(tasks, onEvent).bytesPerTask();
            }
            Measure.report(onEvent ? "W3-event" : "W3-future", "coro4j", Measure.median(bytes), "bytes/task");
        }
    }

    @Async
    static Coroutine<Footprint> main(Task<?>[] handles, boolean onEvent) {
        Event event = new Event();
        Future<Void> future = new Future<>();
        int[] counts = new int[2];
        long before = Measure.usedHeapAfterGc();
        for (int i = 0; i < handles.length; i++) {
            handles[i] = Asyncio.createTask(onEvent ? waitForEvent(event, counts) : waitForFuture(future, counts));
        }
        Await.on(Asyncio.sleep(0));
        long after = Measure.usedHeapAfterGc();
        int suspended = counts[0];
        if (onEvent) {
            event.set();
        } else {
            future.setResult(null);
        }
        while (counts[1] < handles.length) {
            Await.on(Asyncio.sleep(0));
        }
        return Coroutine.of(new Footprint(suspended, counts[1], (double) (after - before) / handles.length));
    }

    @Async
    static Coroutine<Void> waitForEvent(Event gate, int[] counts) {
        counts[0]++;
        Await.on(gate.await());
        counts[1]++;
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitForFuture(Future<Void> gate, int[] counts) {
        counts[0]++;
        Await.on(gate);
        counts[1]++;
        return Coroutine.done();
    }
}
