package org.coro4j.examples;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.sleep;

import java.io.PrintStream;
import org.coro4j.Async;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Task;

/**
 * "What does asyncio.create_task actually do?": awaiting two coroutines one after the other takes
 * 2 s; wrapping them in tasks first lets them sleep at the same time, 1 s in total; awaiting a task
 * gives its result. Each {@code main} prints what it shows and returns its elapsed seconds.
 */
public final class DelayerMessenger {

    private final PrintStream out;

    /** Creates the example printing to {@code out}. */
    public DelayerMessenger(PrintStream out) {
        this.out = out;
    }

    /** {@code async def delayer(): await asyncio.sleep(1); return "Hello"}. */
    @Async
    public static Coroutine<String> delayer() {
        Await.on(sleep(1.0));
        return Coroutine.of("Hello");
    }

    /** {@code async def messenger(): await asyncio.sleep(1); return "A Message"}. */
    @Async
    public static Coroutine<String> messenger() {
        Await.on(sleep(1.0));
        return Coroutine.of("A Message");
    }

    /** {@code message = await messenger(); await delayer()}: prints the message and about 2 s. */
    @Async
    public Coroutine<Double> awaitOneAfterTheOther() {
        double start = Clock.now();
        String message = Await.on(messenger());
        Await.on(delayer());
        double elapsed = Clock.now() - start;
        out.println(message);
        out.println(Clock.seconds(elapsed));
        return Coroutine.of(elapsed);
    }

    /** Two {@code create_task(delayer())} awaited in turn: prints about 1 s. */
    @Async
    public Coroutine<Double> twoTasks() {
        double start = Clock.now();
        Task<String> task1 = createTask(delayer());
        Task<String> task2 = createTask(delayer());
        Await.on(task1);
        Await.on(task2);
        double elapsed = Clock.now() - start;
        out.println(Clock.seconds(elapsed));
        return Coroutine.of(elapsed);
    }

    /** {@code print(await task1)} where {@code delayer} returns "Hello": prints Hello. */
    @Async
    public Coroutine<Double> printTaskResult() {
        double start = Clock.now();
        Task<String> task1 = createTask(delayer());
        String result = Await.on(task1);
        out.println(result);
        return Coroutine.of(Clock.now() - start);
    }
}
