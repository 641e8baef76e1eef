package org.coro4j.benchmarks;

import org.coro4j.Async;
import org.coro4j.Asyncio;
import org.coro4j.Await;
import org.coro4j.Coroutine;

/**
 * W4, await overhead: Fibonacci where every call awaits its two child coroutines directly (inside
 * the same task, never suspending), against the same recursion in plain Java.
 */
public final class Fib {
    private Fib() {
    }

    /** {@code fib(n)} computed by awaiting coroutines, run as the main task of a new loop. */
    public static int async(int n) {
        return Asyncio.run(fib(n));
    }

    /** {@code fib(n)} by plain recursion: the limit the coroutine version is measured against. */
    public static int plain(int n) {
        return n < 2 ? n : plain(n - 1) + plain(n - 2);
    }

    @Async
    static Coroutine<Integer> fib(int n) {
        if (n < 2) {
            return Coroutine.of(n);
        }
        int a = Await.on(fib(n - 1));
        int b = Await.on(fib(n - 2));
        return Coroutine.of(a + b);
    }
}
