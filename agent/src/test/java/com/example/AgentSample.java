package com.example;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.sleep;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.EventLoop;
import org.coro4j.Task;

/** A program compiled without the Maven plugin: it runs only when the agent instruments it. */
public final class AgentSample {

    private AgentSample() {
    }

    @Async
    static Coroutine<String> messenger(String text) {
        Await.on(sleep(1.0));
        return Coroutine.of(text);
    }

    @Async
    static Coroutine<String> both() {
        double start = EventLoop.current().time();
        Task<String> first = createTask(messenger("A Message"));
        Task<String> second = createTask(messenger("Another Message"));
        String a = Await.on(first);
        String b = Await.on(second);
        double elapsed = EventLoop.current().time() - start;
        return Coroutine.of(a + " / " + b + " after " + elapsed + " s");
    }

    /** Prints both messages and the virtual time they took, then tries the misused class. */
    public static void main(String[] args) {
        System.out.println(Asyncio.run(EventLoop.withVirtualClock(), both()));
        try {
            System.out.println(MisusedSample.notACoroutine());
        } catch (RuntimeException e) {
            System.out.println("MisusedSample left as it was: " + e.getClass().getSimpleName());
        }
    }
}
