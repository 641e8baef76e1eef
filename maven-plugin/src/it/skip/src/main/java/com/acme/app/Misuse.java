package com.acme.app;

import org.coro4j.Asyncio;
import org.coro4j.Await;

public class Misuse {

    static Object first() {
        return Await.on(Asyncio.sleep(1.0));
    }

    static void second() {
        Await.on(Asyncio.sleep(2.0));
    }
}
