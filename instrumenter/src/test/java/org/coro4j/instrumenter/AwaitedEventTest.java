package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An {@code Await.on(event.await())} whose future nothing else sees waits through
 * {@code Continuation.eventAwaited}, on a future the event's waiters share: every program below
 * runs twice, once with its waits awaited where they are made and once with each future passed
 * through a method first ({@code held}), which keeps it a future of its own, and both runs must log
 * the same.
 */
class AwaitedEventTest {
    private static final String SOURCE = TwoRuns.MAIN_START + """

                @Async
                static Coroutine<Void> waiter(String name, Event event) {
                    try {
                        Await.on(WAIT[event]);
                        log.add(name + "@" + EventLoop.current().time());
                    } catch (CancelledException e) {
                        log.add(name + " cancelled: " + e.getMessage());
                    }
                    return Coroutine.done();
                }

                @Async
                static Coroutine<Void> ownWaiter(String name, Event event) {
                    Await.on(held(event.await()));
                    log.add(name + "@" + EventLoop.current().time());
                    return Coroutine.done();
                }

                // waiters resume in the order they began waiting, whatever future each waits on
                @Async
                static Coroutine<Void> order() {
                    Event event = new Event();
                    Asyncio.createTask(waiter("a", event));
                    Asyncio.createTask(ownWaiter("b", event));
                    Asyncio.createTask(waiter("c", event));
                    Asyncio.createTask(waiter("d", event));
                    Asyncio.createTask(ownWaiter("e", event));
                    Await.on(Asyncio.sleep(1));
                    log.add(event.toString());
                    event.set();
                    Await.on(Asyncio.sleep(0));
                    log.add(event.toString());
                    Await.on(WAIT[event]);
                    log.add("set, no wait");
                    return Coroutine.done();
                }

                // test_locks.py: EventTests.test_wait_cancel, with waiters that stay
                @Async
                static Coroutine<Void> cancelOne() {
                    Event event = new Event();
                    Asyncio.createTask(waiter("a", event));
                    Task<Void> b = Asyncio.createTask(waiter("b", event));
                    Asyncio.createTask(waiter("c", event));
                    Await.on(Asyncio.sleep(0));
                    log.add(event + ", cancel b " + b.cancel("stop"));
                    Await.on(Asyncio.sleep(0));
                    log.add(event.toString());
                    EventLoop.current().callLater(2, event::set);
                    Await.on(Asyncio.sleep(3));
                    return Coroutine.done();
                }

                @Async
                static Coroutine<Void> cancelsItselfFirst(Event event) {
                    Asyncio.currentTask().cancel("early");
                    Await.on(waiter("early", event));
                    return Coroutine.done();
                }

                // cancelled twice, cancelled then uncancelled, cancelled before it waits
                @Async
                static Coroutine<Void> cancellations() {
                    Event event = new Event();
                    Task<Void> twice = Asyncio.createTask(waiter("twice", event));
                    Task<Void> uncancelled = Asyncio.createTask(waiter("uncancelled", event));
                    Asyncio.createTask(cancelsItselfFirst(event));
                    Asyncio.createTask(waiter("kept", event));
                    Await.on(Asyncio.sleep(0));
                    twice.cancel("one");
                    twice.cancel("two");
                    uncancelled.cancel("x");
                    uncancelled.uncancel();
                    Await.on(Asyncio.sleep(0));
                    event.set();
                    Await.on(Asyncio.sleep(0));
                    log.add("twice: cancelling " + twice.cancelling() + ", uncancelled: cancelling " + uncancelled.cancelling());
                    return Coroutine.done();
                }

                @Async
                static Coroutine<Void> waitBody(Timeout timeout, Event event) {
                    Await.on(WAIT[event]);
                    return Coroutine.done();
                }

                // a waiter that times out again and again on an event nobody sets
                @Async
                static Coroutine<Void> timeouts() {
                    Event event = new Event();
                    int timedOut = 0;
                    for (int i = 0; i < 2_000; i++) {
                        try {
                            Await.on(Asyncio.timeout(0.5, timeout -> waitBody(timeout, event)));
                        } catch (AsyncTimeoutException e) {
                            timedOut++;
                        }
                    }
                    log.add("timed out " + timedOut + " times, " + event);
                    Task<Void> late = Asyncio.createTask(waiter("late", event));
                    Await.on(Asyncio.sleep(0));
                    log.add(event.toString());
                    event.set();
                    Await.on(late);
                    return Coroutine.done();
                }

                // waits and counts, without logging: what it allocates does not depend on the log's size
                @Async
                static Coroutine<Void> counted(Event event, int[] resumed) {
                    Await.on(WAIT[event]);
                    resumed[0]++;
                    return Coroutine.done();
                }

                @Async
                static Coroutine<Integer> many(int waiters) {
                    Event event = new Event();
                    int[] resumed = new int[1];
                    List<Task<Void>> tasks = new ArrayList<>(waiters);
                    for (int i = 0; i < waiters; i++) {
                        tasks.add(Asyncio.createTask(counted(event, resumed)));
                    }
                    Await.on(Asyncio.sleep(0));
                    event.set();
                    Await.on(Asyncio.gather(tasks));
                    return Coroutine.of(resumed[0]);
                }

                public static String run(String name) {
                    log.clear();
                    Coroutine<?> coroutine = switch (name) {
                        case "order" -> order();
                        case "cancelOne" -> cancelOne();
                        case "cancellations" -> cancellations();
                        default -> timeouts();
                    };
                    Asyncio.run(EventLoop.withVirtualClock(), coroutine);
                    return String.join("; ", log);
                }

                public static long waitersAllocation(int waiters) {
                    Asyncio.run(EventLoop.withVirtualClock(), many(waiters));
                    int[] resumed = new int[1];
                    long bytes = allocated(() -> resumed[0] = Asyncio.run(EventLoop.withVirtualClock(), many(waiters)));
                    return resumed[0] == waiters ? bytes : -1;
                }

                public static String nullEvent() {
                    try {
                        Asyncio.run(EventLoop.withVirtualClock(), waiter("none", null));
                        return "no exception";
                    } catch (NullPointerException e) {
                        return e.getMessage();
                    }
                }
            }
            """;

    /** The program with each {@code WAIT[x]} an event's future awaited where it is made, and with it held first. */
    private static final TwoRuns RUNS = TwoRuns.of(SOURCE, "WAIT", "$1.await()");
    private static final String AWAITED = RUNS.awaited();
    private static final String HELD = RUNS.held();

    @Test
    void waitersResumeInTheOrderTheyBeganWaitingWhateverFutureEachWaitsOn() throws Throwable {
        RUNS.assertBoth("order", "Event<unset waiters=5>; a@1.0; b@1.0; c@1.0; d@1.0; e@1.0; Event<set>; set, no wait");
    }

    @Test
    void cancellingOneWaiterLeavesTheOthersWaiting() throws Throwable {
        RUNS.assertBoth("cancelOne", "Event<unset waiters=3>, cancel b true; b cancelled: stop; Event<unset waiters=2>; a@2.0; c@2.0");
    }

    @Test
    void aWaiterCancelledTwiceUncancelledOrBeforeItWaitsIsCancelledAsAsyncioCancelsIt() throws Throwable {
        RUNS.assertBoth("cancellations", "early cancelled: early; twice cancelled: one; uncancelled cancelled: x; kept@0.0;"
                + " twice: cancelling 2, uncancelled: cancelling 0");
    }

    @Test
    void aWaiterTimingOutAgainAndAgainLeavesNoWaiterBehind() throws Throwable {
        RUNS.assertBoth("timeouts", "timed out 2000 times, Event<unset>; Event<unset waiters=1>; late@1000.0");
    }

    @Test
    void waitersAwaitingWhereTheyCallAwaitAllocateNoFutureEach() throws Throwable {
        long awaited = (Long) Instrumented.program(AWAITED).call("Main", "waitersAllocation", 20_000);
        long held = (Long) Instrumented.program(HELD).call("Main", "waitersAllocation", 20_000);
        // a future of its own is at least 24 bytes a waiter, 480 KB for these
        assertTrue(awaited > 0 && held - awaited > 400_000, "held futures " + held + " bytes, shared " + awaited);
    }

    @Test
    void aNullEventFailsAsItsAwaitCallWould() throws Throwable {
        assertEquals("Cannot invoke \"org.coro4j.Event.await()\": the event is null", Instrumented.program(AWAITED).call("Main", "nullEvent"));
    }

    @Test
    void onlyWaitsAwaitedWhereTheyAreMadeShareAFuture() throws InstrumentationException {
        assertEquals(List.of("eventAwaited"), eventCalls(AWAITED, "waiter"));
        assertEquals(List.of("await"), eventCalls(HELD, "waiter"));
        assertEquals(List.of("await"), eventCalls(AWAITED, "ownWaiter"));
    }

    private static List<String> eventCalls(String source, String method) throws InstrumentationException {
        return TwoRuns.calls(source, method, call -> call.owner.equals("org/coro4j/Event") || call.name.equals("eventAwaited"));
    }
}
