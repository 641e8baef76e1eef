package org.coro4j;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the tests that run on a virtual-clock loop: they record events with the loop time and
 * collect what reaches the exception handler instead of logging it.
 */
abstract class VirtualLoopTest {
    protected final EventLoop loop = EventLoop.withVirtualClock();
    protected final List<String> events = new ArrayList<>();
    protected final List<ExceptionContext> reported = new ArrayList<>();

    VirtualLoopTest() {
        loop.setExceptionHandler((l, context) -> reported.add(context));
    }

    @AfterEach
    void closeLoop() {
        if (!loop.isClosed()) {
            loop.close();
        }
    }

    /** Runs {@code main} as a task until it is done; returns its result. */
    protected <T> T runMain(Coroutine<T> main) {
        return loop.runUntilComplete(main);
    }

    /** A step recording {@code event}. */
    protected Script.Step log(String event) {
        return Script.run(() -> events.add(event));
    }

    /** A step recording {@code event@time}. */
    protected Script.Step logTime(String event) {
        return Script.run(() -> events.add(event + "@" + loop.time()));
    }

    /** A coroutine that sleeps {@code seconds}, records {@code event@time} and returns {@code result}. */
    protected <T> Coroutine<T> sleeper(double seconds, String event, T result) {
        return Script.script(Script.await(() -> Asyncio.sleep(seconds)), logTime(event), Script.returning(() -> result));
    }
}
