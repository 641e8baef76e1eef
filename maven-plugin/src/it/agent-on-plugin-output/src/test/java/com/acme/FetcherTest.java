package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.EventLoop;
import org.junit.jupiter.api.Test;

class FetcherTest {

    @Async
    static Coroutine<String> twice() {
        String first = Await.on(Fetcher.both());
        return Coroutine.of(first + " / " + Await.on(Fetcher.fetch("c", 0.5)));
    }

    @Test
    void pluginOutputRunsUnderTheAgent() {
        assertEquals("ab at 2.0 / c", Asyncio.run(EventLoop.withVirtualClock(), twice()));
    }
}
