package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * Runs test programs twice on a virtual-clock loop: once with every awaited value already done,
 * once with every awaited value completing later, so that each await suspends. Programs get a
 * helper class {@code V}: {@code V.f(x)} is a future of {@code x}, {@code V.co(x)} a coroutine
 * returning {@code x}, {@code V.fail(e)} a future failing with {@code e}; each suspends only in the
 * second run.
 */
final class Scenario {
    static final String HELPER = """
            import org.coro4j.*;
            import java.util.*;

            public class V {
                static boolean suspend;

                public static <T> Future<T> f(T value) {
                    Future<T> future = new Future<>();
                    if (suspend) {
                        EventLoop.current().callLater(0.5, () -> future.setResult(value));
                    } else {
                        future.setResult(value);
                    }
                    return future;
                }

                public static <T> Future<T> fail(Throwable error) {
                    Future<T> future = new Future<>();
                    if (suspend) {
                        EventLoop.current().callLater(0.5, () -> future.setException(error));
                    } else {
                        future.setException(error);
                    }
                    return future;
                }

                @Async
                public static <T> Coroutine<T> co(T value) {
                    if (suspend) {
                        Await.on(Asyncio.sleep(0.5));
                    }
                    return Coroutine.of(value);
                }

                public static List<Object> run(boolean suspending, String className, String method) throws Throwable {
                    suspend = suspending;
                    EventLoop loop = EventLoop.withVirtualClock();
                    Coroutine<?> coroutine;
                    try {
                        coroutine = (Coroutine<?>) Class.forName(className).getMethod(method).invoke(null);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    Object result = Asyncio.run(loop, coroutine);
                    return Arrays.asList(result, loop.time());
                }
            }
            """;

    private Scenario() {
    }

    /** Compiles {@code Main.java} with the helper class beside it with the current compiler, and instruments them. */
    static Instrumented program(String main) throws InstrumentationException {
        return program(TestCompiler.current(), main);
    }

    /** Compiles {@code Main.java} and the helper class with {@code compiler} and {@code options}, and instruments them. */
    static Instrumented program(TestCompiler compiler, String main, String... options) throws InstrumentationException {
        return Instrumented.of(compiler, Map.of("Main.java", main, "V.java", HELPER), options);
    }

    /**
     * Runs the public static no-argument coroutine method {@code method} of {@code Main} both ways
     * and checks both give {@code expected}, the suspending run taking virtual time.
     */
    static void assertResult(Instrumented program, String method, Object expected) throws Throwable {
        List<?> done = (List<?>) program.call("V", "run", false, "Main", method);
        assertEquals(expected, done.get(0), method + " with values already done");
        assertEquals(0.0, done.get(1), method + " must not suspend when every value is done");
        List<?> pending = (List<?>) program.call("V", "run", true, "Main", method);
        assertEquals(expected, pending.get(0), method + " with values completing later");
        assertTrue((Double) pending.get(1) > 0, method + " must suspend when values complete later");
    }
}
