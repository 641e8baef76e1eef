package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coroutines of every method kind: instance, static, private, generic, overloaded and varargs
 * methods; inner, anonymous and local classes; interface default, static and private methods;
 * lambdas used as {@code AsyncFunction} and {@code AsyncSupplier}, capturing locals and {@code this}.
 */
class MethodKindsTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;
            import java.util.function.*;

            public class Main {
                interface Greeter {
                    String name();

                    @Async
                    default Coroutine<String> greet(String greeting) {
                        return Coroutine.of(greeting + " " + Await.on(V.f(name())) + Await.on(punctuation()));
                    }

                    @Async
                    static Coroutine<String> punctuation() {
                        return Coroutine.of(Await.on(V.f("!")) + Await.on(hidden()));
                    }

                    @Async
                    private static Coroutine<String> hidden() {
                        return Coroutine.of(Await.on(V.co("?")));
                    }
                }

                static class Base {
                    @Async
                    Coroutine<String> who() {
                        return Coroutine.of("base" + Await.on(V.f(1)));
                    }
                }

                static final class Derived extends Base {
                    @Async
                    @Override
                    Coroutine<String> who() {
                        return Coroutine.of("derived+" + Await.on(super.who()));
                    }
                }

                private final String tag;

                Main(String tag) {
                    this.tag = tag;
                }

                class Inner {
                    final int n;

                    Inner(int n) {
                        this.n = n;
                    }

                    @Async
                    Coroutine<String> describe() {
                        return Coroutine.of(tag + n + Await.on(V.f(":")) + tag);
                    }
                }

                @Async
                private Coroutine<String> privateInstance(int times) {
                    String out = "";
                    for (int i = 0; i < times; i++) {
                        out += Await.on(V.f(tag));
                    }
                    return Coroutine.of(out);
                }

                @Async
                private static <T extends Comparable<T>> Coroutine<T> max(List<T> values) {
                    T best = null;
                    for (T value : values) {
                        T awaited = Await.on(V.f(value));
                        if (best == null || awaited.compareTo(best) > 0) {
                            best = awaited;
                        }
                    }
                    return Coroutine.of(best);
                }

                @Async
                static Coroutine<String> over(int x) {
                    return Coroutine.of("int" + Await.on(V.f(x)));
                }

                @Async
                static Coroutine<String> over(String x) {
                    return Coroutine.of("string" + Await.on(V.f(x)));
                }

                @Async
                static Coroutine<String> over(long x, double y) {
                    return Coroutine.of("long" + Await.on(V.f(x + y)));
                }

                @Async
                static Coroutine<Integer> sum(String label, int... values) {
                    int total = 0;
                    for (int value : values) {
                        total += Await.on(V.f(value));
                    }
                    return Coroutine.of(total + label.length());
                }

                @Async
                public static Coroutine<String> methodKinds() {
                    Main main = new Main("m");
                    Greeter greeter = () -> "bob";
                    return Coroutine.of(Await.on(main.privateInstance(2)) + " " + Await.on(max(List.of(3, 9, 4)))
                            + Await.on(max(List.of("a", "c", "b"))) + " " + Await.on(over(1)) + Await.on(over("s"))
                            + Await.on(over(2L, 0.5)) + " " + Await.on(sum("xy")) + Await.on(sum("", 1, 2, 3)) + " "
                            + Await.on(greeter.greet("hi")) + " " + Await.on(new Derived().who()) + " "
                            + Await.on(main.new Inner(5).describe()));
                }

                @Async
                public static Coroutine<String> anonymousAndLocalClasses() {
                    int captured = Await.on(V.f(10));
                    class Local {
                        @Async
                        Coroutine<Integer> plus(int x) {
                            return Coroutine.of(captured + x + Await.on(V.f(1)));
                        }
                    }
                    AsyncFunction<Integer, Integer> anonymous = new AsyncFunction<>() {
                        int calls;

                        @Override
                        @Async
                        public Coroutine<Integer> apply(Integer x) {
                            calls++;
                            return Coroutine.of(x * Await.on(V.f(captured)) + calls);
                        }
                    };
                    return Coroutine.of(Await.on(new Local().plus(5)) + "," + Await.on(anonymous.apply(3)) + ","
                            + Await.on(anonymous.apply(4)));
                }

                private int counter = 100;

                Coroutine<Integer> countWith(AsyncFunction<Integer, Integer> step) {
                    return step.apply(counter);
                }

                @Async
                Coroutine<String> lambdasOnThis() {
                    String prefix = Await.on(V.f("p"));
                    AsyncSupplier<String> capturingThis = () -> {
                        counter += Await.on(V.f(1));
                        return Coroutine.of(tag + counter);
                    };
                    AsyncFunction<Integer, Integer> capturingLocal = x -> Coroutine.of(x + prefix.length() + Await.on(V.co(1)));
                    AsyncFunction<String, String> plain = s -> {
                        String t = Await.on(V.f(s));
                        return Coroutine.of(t + t);
                    };
                    AsyncSupplier<String> noAwait = () -> Coroutine.of("lazy");
                    return Coroutine.of(Await.on(capturingThis.get()) + " " + Await.on(countWith(capturingLocal)) + " "
                            + Await.on(plain.apply("ab")) + " " + Await.on(noAwait.get()) + " " + prefix);
                }

                public static Coroutine<String> lambdas() {
                    return new Main("L").lambdasOnThis();
                }
            }
            """;

    @Test
    void everyKindOfMethodCanBeACoroutine() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "methodKinds", "mm 9c int1stringslong2.5 26 hi bob!? derived+base1 m5:m");
        assertResult(program, "anonymousAndLocalClasses", "16,31,42");
        assertResult(program, "lambdas", "L101 103 abab lazy p");
    }
}
