package com.acme;

import org.coro4j.Async;
import org.coro4j.Await;
import org.coro4j.Coroutine;

public class DemoHelper {

    @Async
    static Coroutine<String> twice() {
        String first = Await.on(Demo.messenger("x"));
        String second = Await.on(Demo.messenger("y"));
        return Coroutine.of(first + second);
    }
}
