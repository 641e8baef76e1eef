package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;

import org.junit.jupiter.api.Test;

/**
 * Values whose stack map type the coroutine's class cannot access survive a suspension: compilers
 * write the least upper bound of a conditional's branches into their frames even when it is a
 * package-private class of another package ({@code java.lang.AbstractStringBuilder} for a
 * {@code StringBuilder} or a {@code StringBuffer}), and a public method may return a
 * package-private class (the fuzzer's {@code hidden} package has such classes). Private nested
 * classes, which the coroutine's class may access, too.
 */
class InaccessibleFrameTypesTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import org.coro4j.instrumenter.fuzz.hidden.*;

            public class Main {
                static boolean flag = true;

                private abstract static class Base {
                    @Override
                    public String toString() {
                        return getClass().getSimpleName();
                    }
                }

                private static final class Left extends Base {
                }

                private static final class Right extends Base {
                }

                static String show(Object first, Object second) {
                    return first + "/" + second;
                }

                @Async
                public static Coroutine<String> builderOrBuffer() {
                    var text = flag ? new StringBuilder("a") : new StringBuffer("b");
                    Await.on(V.f(0));
                    return Coroutine.of(String.valueOf(text));
                }

                @Async
                public static Coroutine<String> siblingsOfAPackagePrivateClass() {
                    var shape = flag ? new Circle("c") : new Square("s");
                    Await.on(V.co(0));
                    return Coroutine.of(String.valueOf(shape));
                }

                @Async
                public static Coroutine<String> packagePrivateReturnType() {
                    var shape = Shapes.any("x");
                    Await.on(V.f(0));
                    return Coroutine.of(String.valueOf(shape));
                }

                @Async
                public static Coroutine<String> pendingOnTheStack() {
                    String shapes = show(flag ? new Circle("c") : new Square("s"), Await.on(V.f("w")));
                    String texts = show(flag ? new StringBuilder("a") : new StringBuffer("b"), Await.on(V.co(1)));
                    return Coroutine.of(shapes + " " + texts);
                }

                @Async
                public static Coroutine<String> privateNestedClasses() {
                    var side = flag ? new Left() : new Right();
                    Await.on(V.f(0));
                    return Coroutine.of(show(side, Await.on(V.f(flag ? new Right() : new Left()))));
                }
            }
            """;

    @Test
    void valuesOfInaccessibleTypesSurviveSuspension() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "builderOrBuffer", "a");
        assertResult(program, "siblingsOfAPackagePrivateClass", "Circle:c");
        assertResult(program, "packagePrivateReturnType", "Square:x");
        assertResult(program, "pendingOnTheStack", "Circle:c/w a/1");
        assertResult(program, "privateNestedClasses", "Left/Right");
    }
}
