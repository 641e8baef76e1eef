package com.acme.app;

import org.coro4j.Asyncio;
import org.coro4j.Async;
import org.coro4j.Await;
import org.coro4j.Coroutine;

public class Fine {

    @Async
    static Coroutine<Void> ok() {
        Await.on(Asyncio.sleep(1.0));
        return Coroutine.done();
    }
}
