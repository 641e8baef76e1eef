package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Awaits between {@code NEW}/{@code DUP} and the constructor call: the allocation moves past the
 * await, the constructed object and the order of side effects stay the same.
 */
class ConstructorArgumentAwaitTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                static final List<String> LOG = new ArrayList<>();

                static final class Box {
                    final String text;

                    Box(String a, long b, Object c) {
                        LOG.add("box " + c);
                        text = a + b + c;
                    }

                    Box(Box inner) {
                        LOG.add("outer");
                        text = "(" + inner.text + ")";
                    }

                    @Override
                    public String toString() {
                        return text;
                    }
                }

                static final class Initialised {
                    static {
                        LOG.add("clinit");
                    }

                    final int value;

                    Initialised(int value) {
                        this.value = value;
                    }
                }

                final class Inner {
                    final int value;

                    Inner(int value) {
                        this.value = value + base;
                    }
                }

                int base = 100;

                static String note(String text) {
                    LOG.add(text);
                    return text;
                }

                @Async
                public static Coroutine<String> argumentsAroundTheAwait() {
                    LOG.clear();
                    Box box = new Box(note("a"), 2L, Await.on(V.f("c")));
                    return Coroutine.of(box + " " + LOG);
                }

                @Async
                public static Coroutine<String> nestedAllocations() {
                    LOG.clear();
                    Box box = new Box(new Box(note("x"), Await.on(V.f(3L)), new Box("y", 1, Await.on(V.co("z")))));
                    return Coroutine.of(box + " " + LOG);
                }

                @Async
                public static Coroutine<String> allocationsAsArgumentsAndStatements() {
                    LOG.clear();
                    List<Object> list = new ArrayList<>(List.of(new Box("p", 0, Await.on(V.f(1)))));
                    new Box("q", 0, Await.on(V.f(2)));
                    Object[] array = {new StringBuilder(Await.on(V.f("sb"))).reverse(), new Integer[] {Await.on(V.f(4))}[0]};
                    return Coroutine.of(list + " " + Arrays.toString(array) + " " + LOG);
                }

                @Async
                public static Coroutine<String> allocationInATernary() {
                    LOG.clear();
                    boolean b = LOG.isEmpty();
                    Box box = new Box(b ? Await.on(V.f("t")) : "f", b ? 7 : Await.on(V.f(8L)), new Box(b ? new Box("i", 0, "j") : null));
                    return Coroutine.of(box + " " + LOG);
                }

                @Async
                public static Coroutine<String> innerClassAndStaticInitialiser() {
                    LOG.clear();
                    Main main = new Main();
                    Inner inner = main.new Inner(Await.on(V.f(5)));
                    note("before");
                    Initialised initialised = new Initialised(note("argument").length() + Await.on(V.f(-2)));
                    return Coroutine.of(inner.value + " " + initialised.value + " " + LOG);
                }
            }
            """;

    /** Also a discarded {@code new Box(..., Await.on(x));}, which ECJ compiles without a {@code DUP}. */
    @Test
    void constructorArgumentsMayAwait() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "argumentsAroundTheAwait", "a2c [a, box c]");
        assertResult(program, "nestedAllocations", "(x3y1z) [x, box z, box y1z, outer]");
        assertResult(program, "allocationsAsArgumentsAndStatements", "[p01] [bs, 4] [box 1, box 2]");
        assertResult(program, "allocationInATernary", "t7(i0j) [box j, outer, box (i0j)]");
    }

    /** The one visible change: the class of a moved allocation is initialised after its arguments. */
    @Test
    void staticInitialiserRunsWhenTheObjectIsCreated() throws Throwable {
        for (boolean suspend : new boolean[] {false, true}) {
            List<?> outcome = (List<?>) Scenario.program(SOURCE).call("V", "run", suspend, "Main", "innerClassAndStaticInitialiser");
            assertEquals("105 6 [before, argument, clinit]", outcome.get(0));
        }
    }
}
