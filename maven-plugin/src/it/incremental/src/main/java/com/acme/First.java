package com.acme;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;

public class First {

    @Async
    static Coroutine<String> first() {
        Await.on(Asyncio.sleep(1.0));
        return Coroutine.of("first");
    }
}
