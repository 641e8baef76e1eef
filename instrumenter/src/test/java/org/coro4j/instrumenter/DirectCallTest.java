package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Awaits of a static coroutine of the same class called where it is awaited run its direct body:
 * no continuation until it suspends, then the same state as through its continuation.
 */
class DirectCallTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.lang.management.ManagementFactory;
            import java.util.*;

            public class Main {
                static final List<String> log = new ArrayList<>();

                @Async
                static Coroutine<Integer> fib(int n) {
                    if (n < 2) {
                        return Coroutine.of(n);
                    }
                    int a = Await.on(fib(n - 1));
                    int b = Await.on(fib(n - 2));
                    return Coroutine.of(a + b);
                }

                public static List<Long> fibAllocation() {
                    Asyncio.run(EventLoop.withVirtualClock(), fib(15));
                    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                    long before = threads.getCurrentThreadAllocatedBytes();
                    long result = Asyncio.run(EventLoop.withVirtualClock(), fib(22));
                    return List.of(result, threads.getCurrentThreadAllocatedBytes() - before);
                }

                // three levels of direct calls; the innermost may suspend, with values pending at every level
                @Async
                static Coroutine<Long> leaf(long x, String tag) {
                    long got = Await.on(V.f(x * 2));
                    log.add(tag + got);
                    return Coroutine.of(got + 1);
                }

                @Async
                static Coroutine<Long> middle(int i, double scale) {
                    String name = "m" + i;
                    long sum = (long) scale + Await.on(leaf(i, name)) * 10 + Await.on(leaf(i + 1, name));
                    return Coroutine.of(sum + name.length());
                }

                @Async
                static Coroutine<String> top(int n) {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        out.append(Await.on(middle(i, 0.5 + i))).append(',');
                    }
                    return Coroutine.of(out.append(log).toString());
                }

                public static Coroutine<String> nested() {
                    log.clear();
                    return top(3);
                }

                public static String nestedInDebugMode(boolean suspending) {
                    V.suspend = suspending;
                    log.clear();
                    EventLoop loop = EventLoop.withVirtualClock();
                    loop.setDebug(true);
                    return Asyncio.run(loop, top(3)) + " after " + loop.time();
                }

                // a direct callee that returns its callee's coroutine, awaited by the return
                @Async
                static Coroutine<Integer> tail(int n) {
                    if (n == 0) {
                        return Coroutine.of(Await.on(V.f(7)));
                    }
                    return tail(n - 1);
                }

                public static Coroutine<Integer> tails() {
                    return tail(200);
                }

                // exceptions thrown by a direct callee, before and after it suspends, reach the caller's handlers
                @Async
                static Coroutine<Integer> failing(int n) {
                    if (n % 2 == 0) {
                        throw new IllegalStateException("early " + n);
                    }
                    Await.on(V.f(n));
                    throw new IllegalArgumentException("late " + n);
                }

                @Async
                static Coroutine<String> catching() {
                    List<String> caught = new ArrayList<>();
                    for (int n = 0; n < 4; n++) {
                        try {
                            Await.on(failing(n));
                        } catch (RuntimeException e) {
                            caught.add(e.getMessage());
                        } finally {
                            caught.add("finally " + n);
                        }
                    }
                    return Coroutine.of(String.join(";", caught));
                }

                public static Coroutine<String> exceptions() {
                    return catching();
                }

                // a direct callee awaiting a coroutine it cannot call directly, and one of another class
                @Async
                Coroutine<Integer> instance(int x) {
                    return Coroutine.of(Await.on(V.co(x)) + 1);
                }

                @Async
                static Coroutine<Integer> mixed(int x) {
                    return Coroutine.of(Await.on(new Main().instance(x)) + Await.on(V.co(x * 100)));
                }

                @Async
                static Coroutine<Integer> mixedTwice() {
                    return Coroutine.of(Await.on(mixed(1)) + Await.on(mixed(2)));
                }

                public static Coroutine<Integer> mixedCallees() {
                    return mixedTwice();
                }

                public static Coroutine<Integer> inInterface() {
                    return Steps.total(4);
                }

                // static coroutines of an interface call each other directly too
                interface Steps {
                    @Async
                    static Coroutine<Integer> step(int n) {
                        return Coroutine.of(Await.on(V.f(n)) * 2);
                    }

                    @Async
                    static Coroutine<Integer> total(int n) {
                        int sum = 0;
                        for (int i = 1; i <= n; i++) {
                            sum += Await.on(step(i));
                        }
                        return Coroutine.of(sum);
                    }
                }
            }
            """;

    private static final String INSTANCES = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                final String name;
                int visits;

                Main(String name) {
                    this.name = name;
                }

                // private: its awaits read and write the receiver's fields on both sides of a suspension
                @Async
                private Coroutine<String> visit(int depth, Main other) {
                    visits++;
                    if (depth == 0) {
                        return Coroutine.of(name + Await.on(V.f("!")) + visits);
                    }
                    String below = Await.on(other.visit(depth - 1, this));
                    return Coroutine.of(name + visits + "(" + below + ")");
                }

                // final, awaited by return
                @Async
                final Coroutine<Integer> countDown(int n) {
                    if (n == 0) {
                        return Coroutine.of(Await.on(V.f(visits)));
                    }
                    visits += n;
                    return countDown(n - 1);
                }

                // overridable: calls keep dispatching to the override
                @Async
                Coroutine<String> greet() {
                    return Coroutine.of("main " + Await.on(V.f(name)));
                }

                @Async
                Coroutine<String> greetBoth(Main other) {
                    return Coroutine.of(Await.on(greet()) + ", " + Await.on(other.greet()));
                }

                public static Coroutine<String> visits() {
                    return new Main("a").visit(5, new Main("b"));
                }

                public static Coroutine<String> deepVisits() {
                    return new Main("a").visit(199, new Main("b"));
                }

                public static Coroutine<Integer> countDowns() {
                    return new Main("c").countDown(10);
                }

                public static Coroutine<String> greetings() {
                    return new Main("d").greetBoth(new Main("e") {
                        @Override
                        Coroutine<String> greet() {
                            return Coroutine.of("override " + Await.on(V.f(name)));
                        }
                    });
                }
            }
            """;

    private static final String TASKS = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                static final List<String> log = new ArrayList<>();
                static Task<?> task;

                @Async
                static Coroutine<Integer> level(int n, Future<Integer> gate) {
                    try {
                        if (n == 0) {
                            return Coroutine.of(Await.on(gate));
                        }
                        return Coroutine.of(Await.on(level(n - 1, gate)) + 1);
                    } finally {
                        log.add("finally " + n);
                    }
                }

                @Async
                static Coroutine<Integer> root(Future<Integer> gate) {
                    return Coroutine.of(Await.on(level(3, gate)));
                }

                @Async
                static Coroutine<List<String>> watch(int depth, boolean cancel) {
                    Future<Integer> gate = new Future<>();
                    task = Asyncio.createTask(rootOf(depth, gate));
                    Await.on(Asyncio.sleep(1));
                    List<String> stack = new ArrayList<>();
                    for (StackTraceElement frame : task.getStack()) {
                        stack.add(frame.getMethodName() + ":" + frame.getLineNumber());
                    }
                    log.add("suspended in " + stack.size() + " frames, innermost " + stack.get(0) + ", outermost " + stack.get(stack.size() - 1));
                    if (cancel) {
                        task.cancel();
                    } else {
                        gate.setResult(100);
                    }
                    try {
                        log.add("result " + Await.on(task));
                    } catch (CancelledException e) {
                        log.add("cancelled");
                    }
                    return Coroutine.of(new ArrayList<>(log));
                }

                static Coroutine<Integer> rootOf(int depth, Future<Integer> gate) {
                    return depth == 3 ? root(gate) : deep(depth, gate);
                }

                @Async
                static Coroutine<Integer> deep(int n, Future<Integer> gate) {
                    if (n == 0) {
                        return Coroutine.of(Await.on(gate));
                    }
                    return Coroutine.of(Await.on(deep(n - 1, gate)) + 1);
                }

                public static List<String> run(int depth, boolean cancel, boolean debug) {
                    log.clear();
                    EventLoop loop = EventLoop.withVirtualClock();
                    loop.setDebug(debug);
                    return Asyncio.run(loop, watch(depth, cancel));
                }
            }
            """;

    @Test
    void recursionGivesPlainResultsAndAllocatesNoContinuations() throws Throwable {
        List<?> outcome = (List<?>) Scenario.program(SOURCE).call("Main", "fibAllocation");
        assertEquals(17_711L, outcome.get(0));
        long allocated = (Long) outcome.get(1);
        // fib(22) is 57,313 calls: a continuation each would be over a megabyte
        assertTrue(allocated < 100_000, "fib(22) allocated " + allocated + " bytes");
    }

    @Test
    void nestedDirectCallsKeepLocalsAndPendingValuesWhenTheInnermostSuspends() throws Throwable {
        assertResult(Scenario.program(SOURCE), "nested", "15,38,61,[m00, m02, m12, m14, m24, m26]");
    }

    @Test
    void aReturnedCoroutineIsCalledDirectlyToo() throws Throwable {
        assertResult(Scenario.program(SOURCE), "tails", 7);
    }

    @Test
    void exceptionsOfDirectCalleesReachTheCallersHandlers() throws Throwable {
        assertResult(Scenario.program(SOURCE), "exceptions",
                "early 0;finally 0;late 1;finally 1;early 2;finally 2;late 3;finally 3");
    }

    @Test
    void directCalleesAwaitOtherCoroutines() throws Throwable {
        assertResult(Scenario.program(SOURCE), "mixedCallees", 2 + 100 + 3 + 200);
    }

    @Test
    void privateAndFinalInstanceCoroutinesAreCalledDirectlyOnTheirReceivers() throws Throwable {
        Instrumented program = Scenario.program(INSTANCES);
        assertResult(program, "visits", "a3(b3(a3(b3(a3(b!3)))))");
        assertResult(program, "countDowns", 55);
        // past the inline depth limit, the direct body of the private method is sent back to its stub
        assertResult(program, "deepVisits", "a100(b100(".repeat(99) + "a100(b!100" + ")".repeat(199));
        assertResult(program, "greetings", "main d, override e");
        assertEquals(List.of("countDown", "visit"), directBodies(program.loadClass("Main")));
    }

    @Test
    void staticCoroutinesOfAnInterfaceAreCalledDirectly() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "inInterface", 20);
        assertEquals(List.of("step"), directBodies(program.loadClass("Main$Steps")));
    }

    @Test
    void aSuspendedChainOfDirectCallsIsLinkedForGetStackAndResumes() throws Throwable {
        List<?> log = (List<?>) Scenario.program(TASKS).call("Main", "run", 3, false, false);
        assertEquals(List.of("suspended in 5 frames, innermost level:12, outermost root:22",
                "finally 0", "finally 1", "finally 2", "finally 3", "result 103"), log);
    }

    @Test
    void cancellingATaskSuspendedInDirectCallsRunsEveryFinally() throws Throwable {
        List<?> log = (List<?>) Scenario.program(TASKS).call("Main", "run", 3, true, false);
        assertEquals(List.of("suspended in 5 frames, innermost level:12, outermost root:22",
                "finally 0", "finally 1", "finally 2", "finally 3", "cancelled"), log);
    }

    @Test
    void chainsDeeperThanTheInlineLimitAreLinkedThroughTheStepLoop() throws Throwable {
        Instrumented program = Scenario.program(TASKS);
        for (boolean debug : new boolean[] {false, true}) {
            List<?> log = (List<?>) program.call("Main", "run", 300, false, debug);
            assertEquals(List.of("suspended in 301 frames, innermost deep:55, outermost deep:57", "result 400"), log, "debug " + debug);
        }
    }

    @Test
    void inDebugModeDirectCallsRunTheirCoroutinesSoThatEachHasAnOrigin() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertEquals("15,38,61,[m00, m02, m12, m14, m24, m26] after 0.0", program.call("Main", "nestedInDebugMode", false));
        assertEquals("15,38,61,[m00, m02, m12, m14, m24, m26] after 3.0", program.call("Main", "nestedInDebugMode", true));
        List<?> log = (List<?>) Scenario.program(TASKS).call("Main", "run", 3, true, true);
        assertEquals(List.of("suspended in 5 frames, innermost level:12, outermost root:22",
                "finally 0", "finally 1", "finally 2", "finally 3", "cancelled"), log);
    }

    @Test
    void onlyCoroutinesThatCannotBeOverriddenAwaitedWhereTheyAreCalledGetDirectBodies() throws Throwable {
        assertEquals(List.of("failing", "fib", "leaf", "middle", "mixed", "tail"), directBodies(Scenario.program(SOURCE).loadClass("Main")));
    }

    /** The names of the methods of {@code owner} that are direct bodies: their last parameters are a frame and an int. */
    private static List<String> directBodies(Class<?> owner) {
        return Arrays.stream(owner.getDeclaredMethods())
                .filter(method -> method.getParameterCount() > 1
                        && method.getParameterTypes()[method.getParameterCount() - 2].getName().equals("org.coro4j.Continuation"))
                .map(Method::getName).sorted().toList();
    }
}
