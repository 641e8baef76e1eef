package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Locals of every JVM kind survive suspensions in straight code, branches and loops. */
class LocalsAcrossAwaitTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import static org.coro4j.Asyncio.*;

            public class Main {
                private final String prefix;

                Main(String prefix) {
                    this.prefix = prefix;
                }

                @Async
                static Coroutine<Integer> value(int x, boolean suspend) {
                    if (suspend) {
                        Await.on(sleep(0.5));
                    }
                    return Coroutine.of(x);
                }

                @Async
                static Coroutine<String> everyKind(boolean suspend, byte b, short s, char c, int i, long j, float f, double d, String text) {
                    int[] array = {1, 2, 3};
                    Object nothing = null;
                    long total = j;
                    for (int k = 0; k < 3; k++) {
                        int got = Await.on(value(k, suspend));
                        total += got * 10L;
                        if (k % 2 == 0) {
                            double half = d / 2;
                            Await.on(sleep(suspend ? 0.25 : 0));
                            d = half * 2 + k;
                        } else {
                            f += k;
                        }
                    }
                    Await.on(sleep(0));
                    return Coroutine.of(b + "," + s + "," + c + "," + i + "," + total + "," + f + "," + d + "," + text
                            + "," + array[2] + "," + nothing);
                }

                @Async
                Coroutine<String> greet(String name, int times) {
                    StringBuilder out = new StringBuilder();
                    while (times-- > 0) {
                        Await.on(sleep(1.0));
                        out.append(prefix).append(name);
                    }
                    return Coroutine.of(out.toString());
                }

                @Async
                static Coroutine<Double> lazy(double[] log) {
                    log[0] = 1;
                    return Coroutine.of(log[0]);
                }

                public static String runEveryKind(boolean suspend) {
                    EventLoop loop = EventLoop.withVirtualClock();
                    String result = Asyncio.run(loop, everyKind(suspend, (byte) 7, (short) -3, 'x', 42, 1L << 40, 1.5f, 3.0, "t"));
                    return result + "@" + loop.time();
                }

                public static String runGreet() {
                    EventLoop loop = EventLoop.withVirtualClock();
                    String result = Asyncio.run(loop, new Main("hi ").greet("bob", 3));
                    return result + "@" + loop.time();
                }

                public static String runLazy() {
                    double[] log = {0};
                    Coroutine<Double> coroutine = lazy(log);
                    double before = log[0];
                    double result = Asyncio.run(EventLoop.withVirtualClock(), coroutine);
                    return before + "/" + result;
                }
            }
            """;

    @Test
    void everyKindOfLocalSurvivesSuspension() throws Throwable {
        Instrumented program = Instrumented.program(SOURCE);
        String expected = "7,-3,x,42," + ((1L << 40) + 30) + ",2.5,5.0,t,3,null";
        assertEquals(expected + "@2.0", program.call("Main", "runEveryKind", true));
    }

    @Test
    void everyKindOfLocalWithAwaitsThatCompleteAtOnce() throws Throwable {
        Instrumented program = Instrumented.program(SOURCE.replace("suspend ? 0.25 : 0", "0"));
        String expected = "7,-3,x,42," + ((1L << 40) + 30) + ",2.5,5.0,t,3,null";
        assertEquals(expected + "@0.0", program.call("Main", "runEveryKind", false));
    }

    @Test
    void instanceMethodKeepsThisAndArguments() throws Throwable {
        assertEquals("hi bobhi bobhi bob@3.0", Instrumented.program(SOURCE).call("Main", "runGreet"));
    }

    @Test
    void coroutineWithoutAwaitIsLazy() throws Throwable {
        assertEquals("0.0/1.0", Instrumented.program(SOURCE).call("Main", "runLazy"));
    }
}
