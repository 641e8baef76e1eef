package com.acme;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;

/** One coroutine method, as javac compiles it. */
public final class Other {

    private Other() {
    }

    @Async
    static Coroutine<Void> pause() {
        Await.on(Asyncio.sleep(0.5));
        return Coroutine.done();
    }
}
