package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The delayer/messenger example of asyncio.create_task, instrumented and run on a virtual clock. */
class SeedExampleTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import static org.coro4j.Asyncio.*;
            import java.util.*;

            public class Main {
                @Async
                static Coroutine<Void> delayer() {
                    Await.on(sleep(1.0));
                    return Coroutine.done();
                }

                @Async
                static Coroutine<String> messenger() {
                    Await.on(sleep(1.0));
                    return Coroutine.of("A Message");
                }

                @Async
                static Coroutine<String> hello() {
                    Await.on(sleep(1.0));
                    return Coroutine.of("Hello");
                }

                @Async
                static Coroutine<String> sequential() {
                    String message = Await.on(messenger());
                    Await.on(delayer());
                    return Coroutine.of(message);
                }

                @Async
                static Coroutine<String> concurrent() {
                    Task<Void> task1 = createTask(delayer());
                    Task<String> task2 = createTask(hello());
                    Await.on(task1);
                    String hello = Await.on(task2);
                    return Coroutine.of(hello);
                }

                public static List<Object> runSequential() {
                    EventLoop loop = EventLoop.withVirtualClock();
                    String result = Asyncio.run(loop, sequential());
                    return List.of(result, loop.time());
                }

                public static List<Object> runConcurrent() {
                    EventLoop loop = EventLoop.withVirtualClock();
                    String result = Asyncio.run(loop, concurrent());
                    return List.of(result, loop.time());
                }
            }
            """;

    @Test
    void sequentialAwaitsTakeTwoSeconds() throws Throwable {
        Object outcome = Instrumented.program(SOURCE).call("Main", "runSequential");
        assertEquals(java.util.List.of("A Message", 2.0), outcome);
    }

    @Test
    void twoTasksTakeOneSecondAndAwaitingATaskGivesItsResult() throws Throwable {
        Object outcome = Instrumented.program(SOURCE).call("Main", "runConcurrent");
        assertEquals(java.util.List.of("Hello", 1.0), outcome);
    }
}
