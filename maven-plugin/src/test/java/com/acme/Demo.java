package com.acme;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;

/** Two coroutine methods, as javac compiles them; the plugin's tests copy the class file into a sample project. */
public final class Demo {

    private Demo() {
    }

    @Async
    static Coroutine<String> first() {
        Await.on(Asyncio.sleep(1.0));
        return Coroutine.of("first");
    }

    @Async
    static Coroutine<String> second() {
        return Coroutine.of(Await.on(first()) + " and second");
    }
}
