package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;

import org.junit.jupiter.api.Test;

/**
 * Awaits in the less common expression positions: switch expressions and pattern matches among
 * call arguments, a switch expression with a try inside (which javac compiles by parking the
 * stack itself), conditions, array initialisers and lambdas created between awaits.
 */
class ExpressionPositionsTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;
            import java.util.function.*;

            public class Main {
                static String three(Object a, Object b, Object c) {
                    return a + "," + b + "," + c;
                }

                @Async
                public static Coroutine<String> switchExpressionArguments() {
                    StringBuilder out = new StringBuilder();
                    for (int k = 0; k < 3; k++) {
                        out.append(three(k, switch (k) {
                            case 0 -> Await.on(V.f("zero"));
                            case 1 -> {
                                try {
                                    yield Await.on(V.<String>fail(new IllegalStateException("one")));
                                } catch (IllegalStateException e) {
                                    yield e.getMessage() + Await.on(V.f("!"));
                                }
                            }
                            default -> "many";
                        }, Await.on(V.co(k * 10)))).append(';');
                    }
                    return Coroutine.of(out.toString());
                }

                @Async
                public static Coroutine<String> conditionsAndPatterns() {
                    Object value = Await.on(V.f((Object) "text"));
                    String out = "";
                    if (value instanceof String s && s.length() == Await.on(V.f(4))) {
                        out += s.toUpperCase();
                    }
                    while (Await.on(V.f(out.length())) < 6 && !out.isEmpty()) {
                        out += Await.on(V.f("."));
                    }
                    boolean both = Await.on(V.f(true)) && !Await.on(V.f(false)) || Await.on(V.f(false));
                    int[][] grid = {{Await.on(V.f(1)), 2}, {3, Await.on(V.co(4))}};
                    var list = new ArrayList<>(List.of(Await.on(V.f("a")), "b"));
                    return Coroutine.of(out + " " + both + " " + Arrays.deepToString(grid) + " " + list);
                }

                @Async
                public static Coroutine<String> lambdasBetweenAwaits() {
                    String prefix = Await.on(V.f("p"));
                    Function<String, String> prepend = s -> prefix + s;
                    Supplier<Integer> counter = new Supplier<>() {
                        int n = 0;

                        @Override
                        public Integer get() {
                            return ++n;
                        }
                    };
                    String first = prepend.apply(Await.on(V.f("x")));
                    counter.get();
                    String second = prepend.apply(Await.on(V.co("y"))) + counter.get();
                    return Coroutine.of(first + second);
                }
            }
            """;

    @Test
    void awaitsInUnusualExpressionPositions() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "switchExpressionArguments", "0,zero,0;1,one!,10;2,many,20;");
        assertResult(program, "conditionsAndPatterns", "TEXT.. true [[1, 2], [3, 4]] [a, b]");
        assertResult(program, "lambdasBetweenAwaits", "pxpy2");
    }
}
