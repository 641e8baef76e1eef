package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Awaits inside try/catch/finally: the awaited exception reaches the user's handler. */
class TryCatchAcrossAwaitTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import static org.coro4j.Asyncio.*;
            import java.io.IOException;

            public class Main {
                @Async
                static Coroutine<String> failing(boolean suspend) {
                    if (suspend) {
                        Await.on(sleep(1.0));
                    }
                    throw new IllegalStateException("boom");
                }

                @Async
                static Coroutine<String> checked() {
                    Await.on(sleep(1.0));
                    sneaky(new IOException("disk"));
                    return Coroutine.of("unreachable");
                }

                @SuppressWarnings("unchecked")
                static <E extends Throwable> void sneaky(Throwable e) throws E {
                    throw (E) e;
                }

                @Async
                static Coroutine<String> handler(boolean suspend) {
                    StringBuilder log = new StringBuilder();
                    int attempts = 0;
                    try {
                        log.append("try;");
                        attempts++;
                        String never = Await.on(failing(suspend));
                        log.append(never);
                    } catch (IllegalStateException e) {
                        log.append("caught ").append(e.getMessage()).append(';');
                    } finally {
                        log.append("finally ").append(attempts).append(';');
                    }
                    try {
                        Await.on(checked());
                    } catch (Exception e) {
                        log.append(e.getClass().getSimpleName()).append(' ').append(e.getMessage());
                    }
                    return Coroutine.of(log.toString());
                }

                public static String run(boolean suspend) {
                    EventLoop loop = EventLoop.withVirtualClock();
                    return Asyncio.run(loop, handler(suspend)) + "@" + loop.time();
                }
            }
            """;

    @Test
    void awaitedExceptionIsCaughtByTheEnclosingHandler() throws Throwable {
        Instrumented program = Instrumented.program(SOURCE);
        assertEquals("try;caught boom;finally 1;IOException disk@2.0", program.call("Main", "run", true));
        assertEquals("try;caught boom;finally 1;IOException disk@1.0", program.call("Main", "run", false));
    }
}
