package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Long chains of awaited coroutines do not overflow the stack; awaiting done futures allocates nothing. */
class DeepChainTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.lang.management.ManagementFactory;
            import java.util.*;

            public class Main {
                @Async
                static Coroutine<Integer> depth(int n) {
                    if (n == 0) {
                        return Coroutine.of(Await.on(V.f(0)));
                    }
                    return Coroutine.of(Await.on(depth(n - 1)) + 1);
                }

                public static Coroutine<Integer> hundredThousandDeep() {
                    return depth(100_000);
                }

                @Async
                static Coroutine<Integer> immediate(int n) {
                    return Coroutine.of(n == 0 ? 0 : Await.on(immediate(n - 1)) + 1);
                }

                public static int hundredThousandWithoutSuspending() {
                    return Asyncio.run(EventLoop.withVirtualClock(), immediate(100_000));
                }

                @Async
                static Coroutine<long[]> manyDoneAwaits(int count) {
                    Future<Integer> one = new Future<>();
                    one.setResult(1);
                    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                    long before = threads.getCurrentThreadAllocatedBytes();
                    long sum = 0;
                    for (int i = 0; i < count; i++) {
                        sum += Await.on(one);
                    }
                    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    return Coroutine.of(new long[] {sum, allocated});
                }

                public static List<Long> millionDoneAwaits() {
                    Asyncio.run(EventLoop.withVirtualClock(), manyDoneAwaits(100_000));
                    long[] outcome = Asyncio.run(EventLoop.withVirtualClock(), manyDoneAwaits(1_000_000));
                    return List.of(outcome[0], outcome[1]);
                }
            }
            """;

    @Test
    void hundredThousandNestedCoroutines() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "hundredThousandDeep", 100_000);
        assertEquals(100_000, program.call("Main", "hundredThousandWithoutSuspending"));
    }

    @Test
    void awaitingDoneFuturesRunsInConstantMemory() throws Throwable {
        List<?> outcome = (List<?>) Scenario.program(SOURCE).call("Main", "millionDoneAwaits");
        assertEquals(1_000_000L, outcome.get(0));
        long allocated = (Long) outcome.get(1);
        assertTrue(allocated < 1_000_000, "a million done awaits allocated " + allocated + " bytes");
    }
}
