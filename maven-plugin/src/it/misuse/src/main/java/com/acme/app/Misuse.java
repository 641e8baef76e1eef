package com.acme.app;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;

public class Misuse {

    static Object first() {
        return Await.on(Asyncio.sleep(1.0));
    }

    static void second() {
        Await.on(Asyncio.sleep(2.0));
    }

    @Async
    static synchronized Coroutine<Void> third(
            double delay) {
        Await.on(Asyncio.sleep(delay));
        return Coroutine.done();
    }
}
