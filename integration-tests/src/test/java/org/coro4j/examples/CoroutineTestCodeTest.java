package org.coro4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.coro4j.Asyncio;
import org.coro4j.AsyncTest;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Task;
import org.coro4j.VirtualClock;

/**
 * Test code that is itself a coroutine, instrumented by the {@code instrument-tests} goal and run
 * by coro4j-test on a virtual clock. (Kept apart from the Jupiter tests: Surefire writes one XML
 * report per class and engine, the last one winning.)
 */
class CoroutineTestCodeTest {

    @AsyncTest
    Coroutine<Void> aCoroutineInTestCodeAwaitsTheExamplesCoroutines(VirtualClock clock) {
        Task<String> hello = Asyncio.createTask(DelayerMessenger.delayer());
        String message = Await.on(DelayerMessenger.messenger());
        assertEquals("Hello A Message", Await.on(hello) + " " + message);
        assertEquals(1.0, clock.now());
        return Coroutine.done();
    }
}
