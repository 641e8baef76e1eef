package com.acme.app;

import com.acme.lib.Greeter;
import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.EventLoop;
import org.coro4j.Task;

public class App {

    @Async
    static Coroutine<String> main() {
        Greeter greeter = new Greeter("Hello");
        double start = EventLoop.current().time();
        Task<String> slow = Asyncio.createTask(greeter.greet("lib", 2.0));
        String fast = Await.on(greeter.greet("app", 1.0));
        String later = Await.on(slow);
        double elapsed = EventLoop.current().time() - start;
        return Coroutine.of(fast + " / " + later + " in " + elapsed + " s");
    }

    public static void main(String[] args) {
        System.out.println("app says: " + Asyncio.run(EventLoop.withVirtualClock(), main()));
    }
}
