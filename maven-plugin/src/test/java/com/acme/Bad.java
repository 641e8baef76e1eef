package com.acme;

import org.coro4j.Asyncio;
import org.coro4j.Await;

/** Two calls of {@code Await.on} outside any coroutine: two build errors. */
public final class Bad {

    private Bad() {
    }

    static Object firstMisuse() {
        return Await.on(Asyncio.sleep(1.0));
    }

    static Object secondMisuse() {
        return Await.on(Asyncio.sleep(2.0));
    }
}
