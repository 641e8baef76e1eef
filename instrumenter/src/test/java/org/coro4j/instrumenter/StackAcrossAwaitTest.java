package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Awaits with other values pending on the operand stack: call arguments and receivers, operands,
 * array and field stores, compound assignments and string concatenation, with values of every JVM
 * type below the awaited one. Each program runs as javac compiles string concatenation by default
 * (invokedynamic) and as {@code StringBuilder} chains.
 */
class StackAcrossAwaitTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                int field;
                long wide;
                String text = "t";
                static String shared = "s";

                static int add(int a, int b) {
                    return a + b;
                }

                static String mix(int i, long j, float f, double d, String s, int[] a, Object n, int x) {
                    return i + "," + j + "," + f + "," + d + "," + s + "," + Arrays.toString(a) + "," + n + "," + x;
                }

                static String small(boolean z, byte b, char c, short s, String x) {
                    return z + "," + b + "," + c + "," + s + "," + x;
                }

                static String pair(Object a, Object b) {
                    return a + "|" + b;
                }

                @Async
                public static Coroutine<String> everyTypeBelowTheAwait() {
                    int x = 1;
                    String r = mix(x, 2L << 40, 3.5f, 4.25, "s", new int[] {5}, null, Await.on(V.f(6)));
                    return Coroutine.of(r);
                }

                @Async
                public static Coroutine<String> narrowTypesBelowTheAwait() {
                    return Coroutine.of(small(true, (byte) -2, 'q', (short) 300, Await.on(V.f("x"))));
                }

                @Async
                public static Coroutine<String> awaitsInSeveralArguments() {
                    long j = 9;
                    String r = mix(Await.on(V.f(1)), j + Await.on(V.f(2L)), Await.on(V.f(3.5f)), Await.on(V.f(4.5)),
                            Await.on(V.co("s")), Await.on(V.f(new int[] {7, 8})), Await.on(V.f(null)), Await.on(V.co(6)));
                    return Coroutine.of(r);
                }

                @Async
                public static Coroutine<Integer> nestedCalls() {
                    return Coroutine.of(add(add(1, Await.on(V.f(2))), add(Await.on(V.co(3)), 4)));
                }

                @Async
                public static Coroutine<Integer> arithmetic() {
                    int a = 3;
                    return Coroutine.of(a * (a + Await.on(V.f(4))) - Await.on(V.f(2)) % 5);
                }

                @Async
                public static Coroutine<String> wideArithmetic() {
                    long a = 1L << 40;
                    double d = 1.5;
                    float f = 0.5f;
                    long l = a + Await.on(V.f(5L)) * 2;
                    d = d * Await.on(V.f(2.0)) + Await.on(V.f(0.25));
                    f = f - Await.on(V.f(0.25f));
                    return Coroutine.of(l + "/" + d + "/" + f);
                }

                @Async
                public static Coroutine<String> receiverBelowTheAwait() {
                    StringBuilder out = new StringBuilder("<");
                    out.append(Await.on(V.f("a"))).append(Await.on(V.f(2))).append(">");
                    return Coroutine.of(out.toString());
                }

                @Async
                public static Coroutine<String> concatenation() {
                    String a = "a";
                    int n = 7;
                    double d = 0.5;
                    char c = 'c';
                    return Coroutine.of(a + n + Await.on(V.f("b")) + d + Await.on(V.f(3L)) + c + Await.on(V.co(null)) + '!');
                }

                @Async
                public static Coroutine<String> arrayStores() {
                    int[] ints = new int[3];
                    long[] longs = new long[2];
                    String[] strings = new String[2];
                    double[][] grid = new double[2][2];
                    char[] chars = new char[1];
                    int i = 1;
                    ints[i] = Await.on(V.f(9));
                    longs[i] = Await.on(V.f(8L));
                    strings[i - 1] = Await.on(V.f("x"));
                    ints[Await.on(V.f(2))] = Await.on(V.f(4));
                    grid[1][Await.on(V.f(0))] = Await.on(V.f(2.5));
                    chars[0] = Await.on(V.f('z'));
                    return Coroutine.of(Arrays.toString(ints) + Arrays.toString(longs) + Arrays.toString(strings)
                            + Arrays.deepToString(grid) + Arrays.toString(chars));
                }

                @Async
                public static Coroutine<String> compoundAssignments() {
                    shared = "s";
                    int x = 10;
                    x += Await.on(V.f(5));
                    long y = 3;
                    y *= Await.on(V.f(4L));
                    int[] a = {1, 2};
                    a[1] += Await.on(V.f(40));
                    a[0] <<= Await.on(V.f(3));
                    Main m = new Main();
                    m.field += Await.on(V.f(2));
                    m.wide -= Await.on(V.f(7L));
                    m.text += Await.on(V.f(1));
                    shared += Await.on(V.f("!"));
                    String s = "q";
                    s += Await.on(V.f(1)) + "" + Await.on(V.f(2));
                    Integer boxed = 5;
                    boxed += Await.on(V.f(1));
                    double d = 2;
                    d /= Await.on(V.f(4.0));
                    return Coroutine.of(x + "," + y + "," + Arrays.toString(a) + "," + m.field + "," + m.wide + "," + m.text
                            + "," + shared + "," + s + "," + boxed + "," + d);
                }

                @Async
                Coroutine<String> storesOnThis() {
                    this.field = Await.on(V.f(3));
                    wide = Await.on(V.f(4L)) + field;
                    text = text + Await.on(V.f("u"));
                    field++;
                    return Coroutine.of(field + "," + wide + "," + text);
                }

                public static Coroutine<String> fieldsOfThis() {
                    return new Main().storesOnThis();
                }

                @Async
                public static Coroutine<String> fieldStoresOnOtherObjects() {
                    Main m = new Main();
                    Main[] ms = {new Main()};
                    m.field = Await.on(V.f(3));
                    ms[0].wide = Await.on(V.f(4L));
                    ms[0].text = pair(m.field, Await.on(V.f("w")));
                    return Coroutine.of(m.field + "," + ms[0].wide + "," + ms[0].text);
                }

                @Async
                public static Coroutine<String> nullsOnTheStack() {
                    Object nothing = null;
                    String a = pair(null, Await.on(V.f("x")));
                    String b = pair(nothing, Await.on(V.f(null)));
                    return Coroutine.of(a + "," + b + "," + pair((String) null, pair(null, Await.on(V.co(1)))));
                }

                @Async
                public static Coroutine<Integer> awaitsInTernaries() {
                    int n = 1;
                    int r = add(n, n > 0 ? Await.on(V.f(2)) : 3);
                    r = add(r, Await.on(n < 0 ? V.f(10) : V.f(20)));
                    r = add(n < 0 ? 100 : Await.on(V.f(200)), r > 0 ? Await.on(V.co(1000)) : 0);
                    return Coroutine.of(r);
                }
            }
            """;

    /**
     * With the compiler's own string concatenation, and with each of javac's strategies (javac's
     * {@code -XD} options, so with javac whatever the current compiler).
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "-XDstringConcat=indyWithConstants", "-XDstringConcat=inline"})
    void valuesPendingOnTheStackSurviveSuspension(String concat) throws Throwable {
        TestCompiler current = TestCompiler.current();
        Instrumented program = concat.isEmpty() ? Scenario.program(SOURCE)
                : Scenario.program(current.isJavac() ? current : TestCompiler.JAVAC_17, SOURCE, concat);
        assertResult(program, "everyTypeBelowTheAwait", "1," + (2L << 40) + ",3.5,4.25,s,[5],null,6");
        assertResult(program, "narrowTypesBelowTheAwait", "true,-2,q,300,x");
        assertResult(program, "awaitsInSeveralArguments", "1,11,3.5,4.5,s,[7, 8],null,6");
        assertResult(program, "nestedCalls", 10);
        assertResult(program, "arithmetic", 19);
        assertResult(program, "wideArithmetic", ((1L << 40) + 10) + "/3.25/0.25");
        assertResult(program, "receiverBelowTheAwait", "<a2>");
        assertResult(program, "concatenation", "a7b0.53cnull!");
        assertResult(program, "arrayStores", "[0, 9, 4][0, 8][x, null][[0.0, 0.0], [2.5, 0.0]][z]");
        assertResult(program, "compoundAssignments", "15,12,[8, 42],2,-7,t1,s!,q12,6,0.5");
        assertResult(program, "fieldsOfThis", "4,7,tu");
        assertResult(program, "fieldStoresOnOtherObjects", "3,4,3|w");
        assertResult(program, "nullsOnTheStack", "null|x,null|null,null|null|1");
        assertResult(program, "awaitsInTernaries", 1200);
    }
}
