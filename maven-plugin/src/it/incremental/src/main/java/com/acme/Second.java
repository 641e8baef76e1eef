package com.acme;

import org.coro4j.Async;
import org.coro4j.Await;
import org.coro4j.Coroutine;

public class Second {

    @Async
    static Coroutine<String> second() {
        String first = Await.on(First.first());
        return Coroutine.of(first + " then second");
    }
}
