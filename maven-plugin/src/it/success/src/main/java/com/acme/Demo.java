package com.acme;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.sleep;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.EventLoop;
import org.coro4j.Task;

public class Demo {

    @Async
    static Coroutine<String> messenger(String text) {
        Await.on(sleep(1.0));
        return Coroutine.of(text);
    }

    @Async
    static Coroutine<String> main() {
        Task<String> first = createTask(messenger("A Message"));
        Task<String> second = createTask(messenger("Another"));
        String a = Await.on(first);
        String b = Await.on(second);
        return Coroutine.of(a + " + " + b);
    }

    public static void main(String[] args) {
        System.out.println("demo says: " + Asyncio.run(EventLoop.withVirtualClock(), main()));
    }
}
