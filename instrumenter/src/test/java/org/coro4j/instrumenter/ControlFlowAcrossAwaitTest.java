package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;

import org.junit.jupiter.api.Test;

/**
 * Loops, switches and ternaries around awaits; locals assigned on one branch only, slots reused
 * with other types, {@code null} and two-slot values in locals.
 */
class ControlFlowAcrossAwaitTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                enum Color { RED, GREEN, BLUE }

                @Async
                public static Coroutine<String> everyLoop() {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < 3; i++) {
                        out.append(Await.on(V.f(i)));
                    }
                    int w = 0;
                    while (w < Await.on(V.f(2))) {
                        w += Await.on(V.co(1));
                    }
                    int d = 5;
                    do {
                        d -= Await.on(V.f(2));
                    } while (d > 0);
                    for (String s : List.of("a", "b")) {
                        out.append(s).append(Await.on(V.f(s.length())));
                    }
                    for (int x : new int[] {7, 8}) {
                        out.append(x + Await.on(V.f(x)));
                    }
                    outer:
                    for (int i = 0; ; i++) {
                        for (int j = 0; j < 5; j++) {
                            if (Await.on(V.f(i * j)) >= 2) {
                                break outer;
                            }
                            if (j == i) {
                                continue outer;
                            }
                        }
                    }
                    return Coroutine.of(out + " " + w + " " + d);
                }

                @Async
                public static Coroutine<String> switches() {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < 4; i++) {
                        switch (Await.on(V.f(i))) {
                            case 0:
                                out.append("zero").append(Await.on(V.f(0)));
                            case 1:
                                out.append("one");
                                break;
                            case 2:
                                out.append(Await.on(V.co("two")));
                                break;
                            default:
                                out.append("other");
                        }
                        out.append(';');
                    }
                    for (int key : new int[] {-1000, 5, 1000000}) {
                        switch (key) {
                            case -1000 -> out.append(Await.on(V.f("small")));
                            case 1000000 -> out.append(Await.on(V.f("big")));
                            default -> out.append("mid");
                        }
                    }
                    for (String s : List.of("x", "yy", "zzz")) {
                        int size = switch (s) {
                            case "x" -> Await.on(V.f(1));
                            case "yy" -> {
                                int two = Await.on(V.f(2));
                                yield two;
                            }
                            default -> s.length() * Await.on(V.co(10));
                        };
                        out.append(size);
                    }
                    for (Color c : Color.values()) {
                        out.append(switch (c) {
                            case RED -> "r" + Await.on(V.f(1));
                            case GREEN -> "g";
                            case BLUE -> "b" + Await.on(V.co(3L));
                        });
                    }
                    return Coroutine.of(out.toString());
                }

                @Async
                public static Coroutine<String> ternariesMergingTypes() {
                    boolean yes = Await.on(V.f(true));
                    CharSequence text = yes ? Await.on(V.f("s")) : new StringBuilder("b");
                    Object either = !yes ? Integer.valueOf(1) : Await.on(V.f("str"));
                    Number number = yes ? (Number) Await.on(V.f(2.5)) : (Number) Await.on(V.f(3));
                    Comparable<?> comparable = yes ? Await.on(V.f("c")) : Integer.valueOf(Await.on(V.f(9)));
                    Await.on(V.f(0));
                    return Coroutine.of(text + " " + either + " " + number + " " + comparable + " " + text.length()
                            + (yes ? Await.on(V.f(1L)) : 2.0));
                }

                @Async
                public static Coroutine<String> localsOnOneBranchAndReusedSlots() {
                    String out = "";
                    for (int round = 0; round < 2; round++) {
                        if (round == 0) {
                            long wide = 1L << 50;
                            Await.on(V.f(0));
                            out += wide;
                        } else {
                            String text = "t" + round;
                            double half = 0.5;
                            Await.on(V.f(0));
                            out += text + half;
                        }
                        {
                            int[] ints = {round};
                            Await.on(V.f(0));
                            out += ints[0];
                        }
                        {
                            Object nothing = null;
                            String also = null;
                            Await.on(V.f(0));
                            out += nothing + also;
                        }
                        String late;
                        if (round == 1) {
                            late = Await.on(V.f("L"));
                        } else {
                            late = "l";
                        }
                        Await.on(V.f(0));
                        out += late + ";";
                    }
                    return Coroutine.of(out);
                }
            }
            """;

    @Test
    void loopsOfEveryKind() throws Throwable {
        assertResult(Scenario.program(SOURCE), "everyLoop", "012a1b11416 2 -1");
    }

    @Test
    void switchesOfEveryKind() throws Throwable {
        assertResult(Scenario.program(SOURCE), "switches", "zero0one;one;two;other;smallmidbig1230r1gb3");
    }

    @Test
    void ternariesAndLocals() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "ternariesMergingTypes", "s str 2.5 c 11.0");
        assertResult(program, "localsOnOneBranchAndReusedSlots", (1L << 50) + "0nullnulll;t10.51nullnullL;");
    }
}
