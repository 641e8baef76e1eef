package org.coro4j.examples;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.sleep;

import java.io.PrintStream;
import org.coro4j.Async;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Task;

/**
 * "Create an asynchronous timer": a timer task ticking every second runs alongside a task doing
 * two seconds of other work.
 */
public final class TimerAndWork {

    private final PrintStream out;

    /** Creates the example printing to {@code out}. */
    public TimerAndWork(PrintStream out) {
        this.out = out;
    }

    /** Prints a line every second for {@code duration} seconds. */
    @Async
    public Coroutine<String> timer(int duration) {
        for (int i = 0; i < duration; i++) {
            out.println("Timer: " + (i + 1) + " second(s) passed");
            Await.on(sleep(1));
        }
        return Coroutine.of("Timer: done");
    }

    /** Simulates two seconds of other work. */
    @Async
    public Coroutine<String> work() {
        out.println("Work: started");
        Await.on(sleep(2));
        return Coroutine.of("Work: done");
    }

    /** Runs a 5 s timer and the work as tasks, then prints both results; returns the elapsed time. */
    @Async
    public Coroutine<Double> main() {
        double start = Clock.now();
        Task<String> timerTask = createTask(timer(5));
        Task<String> workTask = createTask(work());
        String timerResult = Await.on(timerTask);
        String workResult = Await.on(workTask);
        out.println(timerResult);
        out.println(workResult);
        return Coroutine.of(Clock.now() - start);
    }
}
