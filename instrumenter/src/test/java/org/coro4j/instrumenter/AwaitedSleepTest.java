package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An {@code Await.on(Asyncio.sleep(d))} whose future nothing else sees sleeps through
 * {@code Continuation.sleepAwaited}: every program below runs twice, once with its sleeps awaited
 * where they are made and once with each future passed through a method first ({@code held}),
 * which keeps it a future of its own, and both runs must log the same.
 */
class AwaitedSleepTest {
    private static final String SOURCE = TwoRuns.MAIN_START + """

                @Async
                static Coroutine<Integer> yielder(String name, int times) {
                    for (int i = 0; i < times; i++) {
                        log.add(name + i);
                        Await.on(SLEEP[0]);
                    }
                    return Coroutine.of(times);
                }

                // each yield queues the task behind what is ready, as asyncio.sleep(0) does
                @Async
                static Coroutine<Void> interleaving() {
                    Task<Integer> a = Asyncio.createTask(yielder("a", 3));
                    Task<Integer> b = Asyncio.createTask(yielder("b", 2));
                    log.add("gathered " + Await.on(Asyncio.gather(a, b, yielder("c", 1))));
                    return Coroutine.done();
                }

                // an eager task's first step runs inside createTask; its yield queues it behind what is ready
                @Async
                static Coroutine<Void> eagerYield() {
                    EventLoop.current().callSoon(() -> log.add("soon"));
                    Task<Integer> eager = Asyncio.createTask(yielder("e", 2), "eager", true);
                    log.add("created");
                    log.add("done " + Await.on(eager));
                    return Coroutine.done();
                }

                @Async
                static Coroutine<Integer> guarded() {
                    try {
                        log.add("yielding");
                        Await.on(SLEEP[-1]);
                        log.add("resumed");
                    } catch (CancelledException e) {
                        log.add("cancelled at the yield: " + e.getMessage());
                        throw e;
                    } finally {
                        log.add("finally");
                    }
                    return Coroutine.of(1);
                }

                // a task cancelled while it yields gets CancelledException at its await
                @Async
                static Coroutine<Void> cancelling() {
                    Task<Integer> task = Asyncio.createTask(guarded());
                    Await.on(SLEEP[0]);
                    log.add("cancel " + task.cancel("stop") + ", cancelling " + task.cancelling()
                            + ", waiting for something: " + task.toString().contains("wait_for"));
                    try {
                        Await.on(task);
                    } catch (CancelledException e) {
                        log.add("caught " + e.getMessage() + ", cancelled " + task.isCancelled());
                    }
                    return Coroutine.done();
                }

                // a positive delay still waits, Duration zero yields, and bad delays fail as sleep's do
                @Async
                static Coroutine<Void> delays() {
                    double start = EventLoop.current().time();
                    Await.on(SLEEP[1.5]);
                    Await.on(SLEEP[java.time.Duration.ofMillis(250)]);
                    Await.on(SLEEP[java.time.Duration.ZERO]);
                    log.add("slept " + (EventLoop.current().time() - start));
                    try {
                        Await.on(SLEEP[Double.NaN]);
                    } catch (IllegalArgumentException e) {
                        log.add(e.getMessage());
                    }
                    try {
                        Await.on(SLEEP[(java.time.Duration) null]);
                    } catch (RuntimeException e) {
                        log.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    return Coroutine.done();
                }

                // a sleep in one arm of a conditional
                @Async
                static Coroutine<Void> eitherArm(boolean yielding) {
                    Future<Void> given = new Future<>();
                    given.cancel("given, cancelled");
                    try {
                        log.add("got " + Await.on(yielding ? SLEEP[0] : given));
                    } catch (CancelledException e) {
                        log.add("got " + e.getMessage());
                    }
                    return Coroutine.done();
                }

                @Async
                static Coroutine<Integer> spin(int times) {
                    int done = 0;
                    for (int i = 0; i < times; i++) {
                        Await.on(SLEEP[0]);
                        done++;
                    }
                    return Coroutine.of(done);
                }

                @Async
                static Coroutine<Void> turn(StringBuilder order, int turner, int times) {
                    for (int i = 0; i < times; i++) {
                        order.append(turner);
                        Await.on(SLEEP[0]);
                    }
                    return Coroutine.done();
                }

                @Async
                static Coroutine<String> turns(int turners, int times) {
                    StringBuilder order = new StringBuilder();
                    Object[] each = new Object[turners];
                    for (int t = 0; t < turners; t++) {
                        each[t] = turn(order, t, times);
                    }
                    Await.on(Asyncio.gather(each));
                    return Coroutine.of(order.toString());
                }

                // loops on several threads yield at the same time, each in its own tasks' turns
                static void onThreads(int threads, int runs) throws Exception {
                    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
                    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                    List<java.util.concurrent.Future<String>> orders = new ArrayList<>();
                    for (int r = 0; r < runs; r++) {
                        orders.add(pool.submit(() -> {
                            start.await();
                            return Asyncio.run(turns(4, 5_000));
                        }));
                    }
                    start.countDown();
                    Map<String, Integer> seen = new TreeMap<>();
                    for (java.util.concurrent.Future<String> order : orders) {
                        String got = order.get();
                        seen.merge(got.equals("0123".repeat(5_000)) ? "in turn" : "out of turn: " + got, 1, Integer::sum);
                    }
                    pool.shutdown();
                    log.add(seen.toString());
                }

                public static String run(String name) throws Exception {
                    log.clear();
                    if (name.equals("onThreads")) {
                        onThreads(4, 16);
                        return String.join("; ", log);
                    }
                    Coroutine<?> coroutine = switch (name) {
                        case "interleaving" -> interleaving();
                        case "eagerYield" -> eagerYield();
                        case "cancelling" -> cancelling();
                        case "delays" -> delays();
                        case "eitherArm" -> eitherArm(true);
                        default -> eitherArm(false);
                    };
                    Asyncio.run(EventLoop.withVirtualClock(), coroutine);
                    return String.join("; ", log);
                }

                public static long spinAllocation(int times) {
                    Asyncio.run(EventLoop.withVirtualClock(), spin(times));
                    int[] done = new int[1];
                    long bytes = allocated(() -> done[0] = Asyncio.run(EventLoop.withVirtualClock(), spin(times)));
                    return done[0] == times ? bytes : -1;
                }
            }
            """;

    /** The program with each {@code SLEEP[x]} a sleep awaited where it is made, and with it held first. */
    private static final TwoRuns RUNS = TwoRuns.of(SOURCE, "SLEEP", "Asyncio.sleep($1)");
    private static final String AWAITED = RUNS.awaited();
    private static final String HELD = RUNS.held();

    @Test
    void yieldsQueueTheTaskBehindWhatIsReady() throws Throwable {
        RUNS.assertBoth("interleaving", "a0; b0; c0; a1; b1; a2; gathered [3, 2, 1]");
    }

    // a task that is never queued again leaves its loop waiting for nothing: fail instead of hanging
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anEagerTaskThatYieldsInItsFirstStepIsQueuedBehindWhatIsReady() throws Throwable {
        RUNS.assertBoth("eagerYield", "e0; created; soon; e1; done 2");
    }

    @Test
    void loopsOnSeveralThreadsYieldAtOnceEachInItsOwnTasksTurns() throws Throwable {
        RUNS.assertBoth("onThreads", "{in turn=16}");
    }

    @Test
    void aTaskCancelledWhileItYieldsGetsCancelledExceptionAtItsAwait() throws Throwable {
        RUNS.assertBoth("cancelling", "yielding; cancel true, cancelling 1, waiting for something: false;"
                + " cancelled at the yield: stop; finally; caught stop, cancelled true");
    }

    @Test
    void positiveDelaysWaitAndBadDelaysFailAsSleepsDo() throws Throwable {
        RUNS.assertBoth("delays", "slept 1.75; sleep: the delay is NaN; give a number of seconds"
                + " (a negative delay means 0, Double.POSITIVE_INFINITY means never);"
                + " IllegalArgumentException: sleep: the duration must not be null");
    }

    @Test
    void aSleepInOneArmOfAConditionalAwaitsWhicheverArmRan() throws Throwable {
        RUNS.assertBoth("eitherArm", "got null");
        RUNS.assertBoth("otherArm", "got given, cancelled");
    }

    @Test
    void aSleepFutureHeldElsewhereKeepsItsOwnOutcome() throws Throwable {
        Instrumented program = Instrumented.program("""
                import org.coro4j.*;

                public class Main {
                    @Async
                    static Coroutine<Void> cancel(Future<Void> future) {
                        future.cancel("by another task");
                        return Coroutine.done();
                    }

                    @Async
                    static Coroutine<String> awaitCancelledYield() {
                        Future<Void> yielding = Asyncio.sleep(0);
                        Asyncio.createTask(cancel(yielding));
                        try {
                            Await.on(yielding);
                            return Coroutine.of("resumed");
                        } catch (CancelledException e) {
                            return Coroutine.of("cancelled " + e.getMessage());
                        }
                    }

                    public static String run() {
                        return Asyncio.run(EventLoop.withVirtualClock(), awaitCancelledYield());
                    }
                }
                """);
        assertEquals("cancelled by another task", program.call("Main", "run"));
    }

    @Test
    void aYieldAwaitedWhereItIsMadeAllocatesNothing() throws Throwable {
        long awaited = (Long) Instrumented.program(AWAITED).call("Main", "spinAllocation", 100_000);
        long held = (Long) Instrumented.program(HELD).call("Main", "spinAllocation", 100_000);
        // a future of its own is at least 16 bytes a yield, 1.6 MB for these
        assertTrue(held > 1_600_000, "held futures allocated " + held + " bytes");
        assertTrue(awaited < 200_000, "100,000 yields allocated " + awaited + " bytes");
    }

    @Test
    void onlySleepsAwaitedWhereTheyAreMadeSleepWithoutAFutureOfTheirOwn() throws InstrumentationException {
        assertEquals(List.of("sleepAwaited"), sleepCalls(AWAITED, "spin"));
        assertEquals(List.of("sleep"), sleepCalls(HELD, "spin"));
        // all five, the NaN and null delays too: no call of sleep is left
        assertEquals(List.of("sleepAwaited"), sleepCalls(AWAITED, "delays"));
    }

    private static List<String> sleepCalls(String source, String method) throws InstrumentationException {
        return TwoRuns.calls(source, method, call -> call.name.startsWith("sleep"));
    }
}
