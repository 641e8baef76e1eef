package com.acme.legacy;

import org.coro4j.Asyncio;
import org.coro4j.Await;

public class Misuse {

    static Object notACoroutine() {
        return Await.on(Asyncio.sleep(1.0));
    }
}
