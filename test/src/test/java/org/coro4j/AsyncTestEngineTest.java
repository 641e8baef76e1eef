package org.coro4j;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The coro4j test engine, run through the JUnit Platform test kit on the sample classes below. */
class AsyncTestEngineTest {
    static final List<String> trace = new ArrayList<>();

    /** Samples: each method is run alone by one test of {@link AsyncTestEngineTest}. */
    static class Samples {
        @BeforeEach
        void before() {
            trace.add("before");
        }

        @AfterEach
        void after() {
            trace.add("after");
        }

        @Async
        static Coroutine<Void> sleepLong() {
            Await.on(sleep(1000));
            return Coroutine.done();
        }

        @Async
        static Coroutine<Void> failAfter(double seconds) {
            Await.on(sleep(seconds));
            throw new IllegalStateException("failed at " + EventLoop.current().time());
        }

        @Async
        static Coroutine<Void> tick() {
            try {
                while (true) {
                    Await.on(sleep(1));
                    trace.add("tick@" + EventLoop.current().time());
                }
            } catch (CancelledException e) {
                trace.add("ticker cancelled@" + EventLoop.current().time());
                throw e;
            }
        }

        @AsyncTest
        Coroutine<Void> sleepsOnTheVirtualClock(VirtualClock clock, EventLoop loop) {
            Await.on(sleep(3.0));
            trace.add("slept until " + clock.now() + " on " + (loop == EventLoop.current() ? "the test loop" : "another loop"));
            return Coroutine.done();
        }

        @AsyncTest
        Coroutine<Void> throwsAfterOneSecond() {
            Await.on(failAfter(1.0));
            return Coroutine.done();
        }

        @AsyncTest
        Coroutine<Void> leavesATaskPending() {
            createTask(sleepLong(), "forgotten");
            Await.on(sleep(1.0));
            return Coroutine.done();
        }

        @AsyncTest
        Coroutine<Void> leavesATaskExceptionUnretrieved() {
            createTask(failAfter(0.5), "failing");
            Await.on(sleep(1.0));
            return Coroutine.done();
        }

        @AsyncTest(timeout = 10)
        Coroutine<Void> sleepsPastItsVirtualTimeout() {
            Await.on(sleep(20.0));
            return Coroutine.done();
        }

        @AsyncTest(realTimeout = 0.2)
        Coroutine<Void> neverEnds() {
            while (true) {
                Await.on(sleep(1.0));
            }
        }

        @AsyncTest
        Coroutine<Void> startsABackgroundTicker(BackgroundTasks background) {
            background.createTask(tick(), "ticker");
            Await.on(sleep(2.5));
            return Coroutine.done();
        }

        @AsyncTest
        @Async
        Coroutine<Void> drivesItsOwnClock(VirtualClock clock) {
            clock.advanceBy(1.0);
            return Coroutine.done();
        }

        @AsyncTest
        String returnsAString() {
            return "not a coroutine";
        }

        @AsyncTest
        Coroutine<Void> takesAString(String text) {
            return Coroutine.done();
        }

        @AsyncTest
        @Disabled("not today")
        Coroutine<Void> disabled() {
            trace.add("ran a disabled test");
            return Coroutine.done();
        }

        /** Leaves a failed task to the garbage collector and waits until its report reaches the loop's handler. */
        @AsyncTest
        Coroutine<Void> losesAFailedTaskToTheGarbageCollector(EventLoop loop) {
            boolean[] handled = new boolean[1];
            ExceptionHandler handler = loop.getExceptionHandler();
            loop.setExceptionHandler((l, context) -> {
                handled[0] = true;
                handler.handle(l, context);
            });
            createTask(failAfter(0.5), "collected");
            for (int round = 0; round < 500 && !handled[0]; round++) {
                Await.on(Asyncio.toThread(() -> {
                    System.gc();
                    Thread.sleep(10);
                    return null;
                }));
            }
            return Coroutine.done();
        }
    }

    private static Events run(String method) {
        Method found = Arrays.stream(Samples.class.getDeclaredMethods()).filter(m -> m.getName().equals(method) && !m.isSynthetic()).findFirst().orElseThrow();
        return EngineTestKit.engine(AsyncTestEngine.ID).selectors(selectMethod(Samples.class, found)).execute().testEvents();
    }

    private static Throwable failure(String method) {
        Events events = run(method);
        events.assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
        return events.failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @AfterEach
    void clearTrace() {
        trace.clear();
    }

    @Test
    void aCoroutineThatReturnsPassesAfterRunningOnAFreshVirtualClock() {
        run("sleepsOnTheVirtualClock").assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));

        assertEquals(List.of("before", "slept until 3.0 on the test loop", "after"), trace);
    }

    @Test
    void theCoroutinesExceptionFailsTheTest() {
        Throwable failure = failure("throwsAfterOneSecond");

        assertInstanceOf(IllegalStateException.class, failure);
        assertEquals("failed at 1.0", failure.getMessage());
        assertEquals(List.of("before", "after"), trace);
    }

    /** Asserts that {@code failure} is a {@code type} whose message is {@code head}, one future's id, then {@code tail}. */
    private static void assertDump(Class<? extends Throwable> type, String head, String tail, Throwable failure) {
        assertInstanceOf(type, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith(head) && message.endsWith(tail)
                && message.substring(head.length(), message.length() - tail.length()).matches("[0-9a-f]+"), message);
    }

    @Test
    void aTaskStillPendingWhenTheCoroutineReturnsFailsTheTestWithTheTaskDump() {
        assertDump(AssertionError.class, "1 task was still pending when the test coroutine returned (start a task that is"
                + " meant to outlive the test with BackgroundTasks); they were cancelled. 1 pending task at loop time 1.0:\n"
                + "* Task \"forgotten\", suspended on <Future pending> id=",
                "\n    at org.coro4j.AsyncTestEngineTest$Samples.sleepLong(AsyncTestEngineTest.java:43)\n",
                failure("leavesATaskPending"));
    }

    /** Asserts that {@code sample} failed with the report of the unretrieved exception of the task {@code name}, naming it once. */
    private static void assertUnretrievedReport(String sample, String name) {
        Throwable failure = failure(sample);

        assertInstanceOf(AssertionError.class, failure);
        assertEquals("Task exception was never retrieved\nfuture: <Task finished name='" + name + "' coro=<AsyncTestEngineTest$Samples.failAfter()>"
                + " exception=java.lang.IllegalStateException: failed at 0.5>", failure.getMessage());
        assertEquals("failed at 0.5", failure.getCause().getMessage());
    }

    @Test
    void aTaskExceptionNobodyRetrievedFailsTheTest() {
        assertUnretrievedReport("leavesATaskExceptionUnretrieved", "failing");
    }

    @Test
    void aCollectedTaskWhoseExceptionNobodyRetrievedFailsTheTestNamingItOnce() {
        assertUnretrievedReport("losesAFailedTaskToTheGarbageCollector", "collected");
    }

    @Test
    void theVirtualTimeoutFailsTheTestWithTheTasksAsTheyWereAtTheDeadline() {
        assertDump(AsyncTimeoutException.class, "org.coro4j.AsyncTestEngineTest$Samples.sleepsPastItsVirtualTimeout() timed out"
                + " after 10.0 virtual seconds; 1 pending task at loop time 10.0:\n"
                + "* Task \"sleepsPastItsVirtualTimeout()\", suspended on <Future pending> id=",
                "\n    at org.coro4j.AsyncTestEngineTest$Samples.sleepsPastItsVirtualTimeout(AsyncTestEngineTest.java:95)\n",
                failure("sleepsPastItsVirtualTimeout"));
    }

    @Test
    void theWallClockTimeoutStopsACoroutineThatNeverEnds() {
        Throwable failure = failure("neverEnds");

        assertInstanceOf(AsyncTimeoutException.class, failure);
        assertTrue(failure.getMessage().startsWith(
                "org.coro4j.AsyncTestEngineTest$Samples.neverEnds() timed out after 0.2 wall-clock seconds; 1 pending task at loop time "),
                failure.getMessage());
    }

    @Test
    void backgroundTasksAreCancelledWhenTheCoroutineReturnsWithoutFailingTheTest() {
        run("startsABackgroundTicker").assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));

        assertEquals(List.of("before", "tick@1.0", "tick@2.0", "ticker cancelled@2.5", "after"), trace);
    }

    @Test
    void drivingTheVirtualClockFromInsideTheRunningLoopIsAnError() {
        Throwable failure = failure("drivesItsOwnClock");

        assertInstanceOf(AsyncUsageException.class, failure);
        assertEquals("VirtualClock.advanceBy drives a loop that is not running, but this one runs; inside a coroutine use"
                + " Await.on(Asyncio.sleep(seconds)) to let time pass", failure.getMessage());
    }

    @Test
    void aMethodThatReturnsNoCoroutineFailsWithTheFix() {
        Throwable failure = failure("returnsAString");

        assertEquals("@AsyncTest method org.coro4j.AsyncTestEngineTest$Samples.returnsAString() returned a java.lang.String;"
                + " it must return a Coroutine (declare it to return Coroutine<Void> and end it with return Coroutine.done())",
                failure.getMessage());
    }

    @Test
    void anUnknownParameterTypeFailsNamingTheOnesAllowed() {
        Throwable failure = failure("takesAString");

        assertEquals("@AsyncTest method org.coro4j.AsyncTestEngineTest$Samples.takesAString() has a parameter of type java.lang.String;"
                + " an @AsyncTest method may take VirtualClock, EventLoop and BackgroundTasks parameters", failure.getMessage());
    }

    @Test
    void aClassSelectorFindsEveryAsyncTestAndDisabledOnesAreSkipped() {
        Events events = EngineTestKit.engine(AsyncTestEngine.ID).selectors(selectClass(Samples.class)).execute().testEvents();

        events.assertStatistics(stats -> stats.skipped(1).started(11).succeeded(2).failed(9));
        assertEquals("not today", events.skipped().stream().findFirst().orElseThrow()
                .getRequiredPayload(String.class));
        assertTrue(trace.stream().noneMatch(line -> line.equals("ran a disabled test")));
    }

    @Test
    void aClassWithoutAsyncTestsIsNotAContainer() {
        EngineTestKit.engine(AsyncTestEngine.ID).selectors(selectClass(AsyncTestEngineTest.class)).execute()
                .containerEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aUniqueIdSelectsTheTestItNames() {
        String id = "[engine:coro4j]/[class:org.coro4j.AsyncTestEngineTest$Samples]"
                + "/[method:sleepsOnTheVirtualClock(org.coro4j.VirtualClock,org.coro4j.EventLoop)]";
        Events events = EngineTestKit.engine(AsyncTestEngine.ID).selectors(selectUniqueId(id)).execute().testEvents();

        events.assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(id, events.started().stream().findFirst().orElseThrow().getTestDescriptor().getUniqueId().toString());
    }

    @Test
    void aPackageScanFindsTopLevelClassesOnly() {
        Events events = EngineTestKit.engine(AsyncTestEngine.ID).selectors(selectPackage("org.coro4j")).execute().testEvents();

        events.assertStatistics(stats -> stats.started(3).succeeded(3));
        assertTrue(events.started().stream().allMatch(e -> e.getTestDescriptor().getUniqueId().toString()
                .startsWith("[engine:coro4j]/[class:org.coro4j.AsyncTestExamplesTest]/")), events.toString());
    }
}
