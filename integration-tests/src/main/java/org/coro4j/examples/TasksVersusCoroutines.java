package org.coro4j.examples;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.gather;
import static org.coro4j.Asyncio.sleep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.coro4j.Async;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Task;

/**
 * "When should I use asyncio.create_task?": tasks start running at the creator's next suspension,
 * so they finish during its 2 s sleep; bare coroutines run only once {@code gather} wraps them.
 */
public final class TasksVersusCoroutines {

    private static final int COUNT = 5;

    private final PrintStream out;

    /** Creates the example printing to {@code out}. */
    public TasksVersusCoroutines(PrintStream out) {
        this.out = out;
    }

    /** Sleeps half a second, then prints {@code ok: index}. */
    @Async
    public Coroutine<Void> process(int index) {
        Await.on(sleep(0.5));
        out.println("ok: " + index);
        return Coroutine.done();
    }

    /** {@code create_tasks_then_gather}: returns the elapsed time, 2 s. */
    @Async
    public Coroutine<Double> createTasksThenGather() {
        double start = Clock.now();
        List<Task<Void>> tasks = new ArrayList<>();
        for (int item = 0; item < COUNT; item++) {
            tasks.add(createTask(process(item)));
        }
        out.println("tasks scheduled");
        Await.on(sleep(2));
        out.println("now gathering tasks");
        Await.on(gather(tasks));
        out.println("gathered tasks");
        return Coroutine.of(Clock.now() - start);
    }

    /** {@code create_coroutines_then_gather}: returns the elapsed time, 2.5 s. */
    @Async
    public Coroutine<Double> createCoroutinesThenGather() {
        double start = Clock.now();
        List<Coroutine<Void>> coroutines = new ArrayList<>();
        for (int item = 0; item < COUNT; item++) {
            coroutines.add(process(item));
        }
        out.println("coroutines created");
        Await.on(sleep(2));
        out.println("now gathering coroutines");
        Await.on(gather(coroutines));
        out.println("gathered coroutines");
        return Coroutine.of(Clock.now() - start);
    }
}
