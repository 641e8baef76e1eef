package com.acme.lib;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;

public class Greeter {

    private final String greeting;

    public Greeter(String greeting) {
        this.greeting = greeting;
    }

    @Async
    public Coroutine<String> greet(String name, double delay) {
        Await.on(Asyncio.sleep(delay));
        return Coroutine.of(greeting + ", " + name);
    }
}
