package com.example;

import org.coro4j.Asyncio;
import org.coro4j.Await;

/** Calls {@code Await.on} outside an {@code @Async} method, which the instrumenter rejects. */
final class MisusedSample {

    private MisusedSample() {
    }

    static Object notACoroutine() {
        return Await.on(Asyncio.sleep(1.0));
    }
}
