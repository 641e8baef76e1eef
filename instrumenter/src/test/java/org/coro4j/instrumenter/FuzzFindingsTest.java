package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs the differential fuzzer found wrong once, kept as they were generated. */
class FuzzFindingsTest {

    /**
     * Program seed 8813838331125464669: a temporary that held a pending copy of a local is no
     * longer used once the copy is loaded again after the await, so the computed {@code max_locals}
     * does not count it, yet the frames after the awaits in the {@code catch} block listed it as
     * {@code TOP}: the JVM refused the class ("StackMapTable format error: bad type array size").
     */
    @Test
    void framesAfterAnAwaitNameNoSlotPastTheLastOneInUse() throws Throwable {
        Instrumented program = Scenario.program("""
                import org.coro4j.*;
                import org.coro4j.instrumenter.fuzz.*;

                public class Main {
                    @Async
                    static Coroutine<Object> p90939h1(Trace t, int[] a4, long a5) {
                        try {
                            t.add("e6 " + java.util.Arrays.toString(new int[] {(6 + 8), 1}));
                            Await.on(Awaitables.later(0.25, new String("")));
                            boolean v7 = (((boolean) Await.on(Awaitables.done(true))) || true);
                        } catch (FuzzException | ArithmeticException x8) {
                            t.add("c9 " + x8.getClass().getSimpleName() + " " + x8.getMessage());
                            t.add("e10 " + java.util.Arrays.toString(a4));
                            var h13 = ("b".isEmpty() ? new StringBuilder("b11") : new StringBuffer("u12"));
                            Await.on(Awaitables.done(Await.on(Asyncio.sleep(0.25, (Object) "o2"))));
                            t.add("e15 " + String.valueOf((((float) Await.on(Awaitables.later(0.5, 1.5f)))
                                    * (((float) Await.on(Awaitables.<Float>failing(1.0, new FuzzException("f14"))))
                                    * ((float) Await.on(Coroutine.of(2.0f)))))));
                            switch (((int) a5 + (int) 4L)) {
                                case 0:
                                    if (true) throw new FuzzException("t16");
                                    int i17 = 0;
                                    while (i17 < 2) {
                                        i17++;
                                    }
                                    break;
                                case 3:
                                    break;
                                default:
                                    break;
                            }
                            t.add("e18 " + h13);
                        }
                        return Coroutine.of((Object) Integer.valueOf((false ? 11 : 7)));
                    }

                    public static List<Object> traced() {
                        Trace t = new Trace();
                        EventLoop loop = EventLoop.withVirtualClock();
                        Object result = Asyncio.run(loop, p90939h1(t, new int[] {0, -1}, 22L));
                        return List.of(result, t.events(), loop.time());
                    }
                }
                """.replace("import org.coro4j.*;", "import org.coro4j.*;\nimport java.util.List;"));

        assertEquals(List.of(7, List.of("e6 [14, 1]"), 0.25), program.call("Main", "traced"));
    }
}
