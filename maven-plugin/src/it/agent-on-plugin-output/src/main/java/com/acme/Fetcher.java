package com.acme;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.sleep;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.EventLoop;
import org.coro4j.Task;

public class Fetcher {

    @Async
    static Coroutine<String> fetch(String name, double seconds) {
        Await.on(sleep(seconds));
        return Coroutine.of(name);
    }

    @Async
    public static Coroutine<String> both() {
        Task<String> a = createTask(fetch("a", 2.0));
        Task<String> b = createTask(fetch("b", 1.0));
        String first = Await.on(a);
        String second = Await.on(b);
        return Coroutine.of(first + second + " at " + EventLoop.current().time());
    }

    public static void main(String[] args) {
        System.out.println("fetched " + Asyncio.run(EventLoop.withVirtualClock(), both()));
    }
}
