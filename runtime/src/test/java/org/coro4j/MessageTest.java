package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.named;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What futures and tasks print, and the messages for null and bad arguments. */
class MessageTest extends VirtualLoopTest {

    private static void assertMessage(Class<? extends Throwable> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    @Test
    void aFuturePrintsItsStateAndOutcome() {
        Future<Integer> pending = new Future<>(loop);
        assertEquals("<Future pending>", pending.toString());
        Future<Integer> finished = new Future<>(loop);
        finished.setResult(42);
        assertEquals("<Future finished result=42>", finished.toString());
        Future<Integer> failed = new Future<>(loop);
        failed.setException(new IOException("boom"));
        assertEquals("<Future finished exception=java.io.IOException: boom>", failed.toString());
        failed.exception();
        assertEquals("<Future finished exception=java.io.IOException: boom>", failed.toString());
        Future<Integer> cancelled = new Future<>(loop);
        cancelled.cancel("why");
        assertEquals("<Future cancelled>", cancelled.toString());
    }

    @Test
    void aTaskPrintsItsNameCoroutineAndWhatItWaitsFor() {
        Future<String> gate = new Future<>(loop);
        Task<Object> waiting = loop.createTask(named("fetch", await(() -> gate)), "fetcher");
        assertEquals("<Task pending name='fetcher' coro=<Script.fetch()>>", waiting.toString());
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertEquals("<Task pending name='fetcher' coro=<Script.fetch()> wait_for=<Future pending>>", waiting.toString());
        Task<Object> outer = loop.createTask(named("outer", await(() -> waiting)), "outer");
        runMain(script(await(() -> Asyncio.sleep(0))));
        assertEquals("<Task pending name='outer' coro=<Script.outer()> wait_for=<Task pending name='fetcher'>>", outer.toString());
        gate.setResult("page");
        runMain(script(await(() -> outer)));
        assertEquals("<Task finished name='fetcher' coro=<Script.fetch()> result=null>", waiting.toString());

        Task<Object> failing = loop.createTask(named("fetch", Script.raise(() -> new IOException("boom"))), "Task-2");
        Task<Object> cancelled = loop.createTask(named("fetch", await(() -> Asyncio.sleep(1))), "c");
        runMain(script(await(() -> Asyncio.sleep(0)), Script.run(() -> cancelled.cancel()), await(() -> Asyncio.sleep(0))));
        assertEquals("<Task finished name='Task-2' coro=<Script.fetch()> exception=java.io.IOException: boom>", failing.toString());
        assertEquals("<Task cancelled name='c' coro=<Script.fetch()>>", cancelled.toString());
        failing.exception();
    }

    @Test
    void theDefaultHandlerShowsTheTaskOnce() {
        loop.setExceptionHandler(null);
        Task<Object> failing = loop.createTask(named("fetch", Script.raise(() -> new IOException("boom"))), "lost");
        runMain(script(await(() -> Asyncio.sleep(0))));
        List<String> logged = LoggedRecords.capture(loop::close);
        assertEquals(List.of("Task exception was never retrieved\nfuture: " + failing), logged);
        assertEquals("<Task finished name='lost' coro=<Script.fetch()> exception=java.io.IOException: boom>", failing.toString());
    }

    @Test
    void aTaskRenamedAfterItFailedIsReportedAsItPrintsNowOnce() {
        loop.setExceptionHandler(null);
        Task<Object> failing = loop.createTask(named("fetch", Script.raise(() -> new IOException("boom"))), "lost");
        runMain(script(await(() -> Asyncio.sleep(0))));
        failing.setName("renamed");
        List<String> logged = LoggedRecords.capture(loop::close);
        assertEquals(List.of("Task exception was never retrieved\nfuture: <Task finished name='renamed' coro=<Script.fetch()>"
                + " exception=java.io.IOException: boom>"), logged);
    }

    @Test
    void theDefaultHandlerAppendsTheTaskToAMessageThatDoesNotShowIt() {
        loop.setExceptionHandler(null);
        Future<Object> never = new Future<>(loop);
        Task<Object> stuck = loop.createTask(named("hang", await(() -> never)), "stuck");
        runMain(script(await(() -> Asyncio.sleep(0))));
        List<String> logged = LoggedRecords.capture(loop::close);
        assertEquals(List.of("Task was destroyed but it is pending! (task <Task pending name='stuck' coro=<Script.hang()>"
                + " wait_for=<Future pending>>)"), logged);
        assertEquals("Task was destroyed but it is pending! (task " + stuck + ")",
                new ExceptionContext("Task was destroyed but it is pending!", null, stuck).printed());
    }

    @Test
    void timeoutsSayWhatTimedOut() {
        Future<Object> slow = new Future<>(loop);
        Throwable[] caught = new Throwable[2];
        runMain(script(
                Script.tryCatch(Script.block(await(() -> Asyncio.waitFor(slow, 1))), AsyncTimeoutException.class, e -> {
                    caught[0] = e;
                    return List.of();
                }),
                Script.tryCatch(Script.block(await(() -> Asyncio.timeout(2, t -> sleeper(5, "late", null)))), AsyncTimeoutException.class, e -> {
                    caught[1] = e;
                    return List.of();
                })));
        assertEquals("waitFor: timed out waiting for <Future cancelled>", caught[0].getMessage());
        assertEquals("timeout: the deadline 3.0 (loop time) passed", caught[1].getMessage());
    }

    /** A coroutine whose body awaits {@code awaited} the way generated code does. */
    private static Coroutine<Object> awaiting(java.util.function.Function<Continuation<Object>, Object> awaited) {
        return new Continuation<>() {
            @Override
            protected Object invokeBody() {
                return awaited.apply(this);
            }
        };
    }

    @Test
    void awaitingNullSaysWhatWasNull() {
        Throwable[] caught = {
            assertThrows(NullPointerException.class, () -> runMain(awaiting(frame -> Continuation.awaitFuture(null, frame, 1)))),
            assertThrows(NullPointerException.class, () -> runMain(awaiting(frame -> Continuation.awaitStage((CompletionStage<?>) null, frame, 1)))),
        };
        assertEquals("Await.on((Future<?>) null): a null future was awaited;"
                + " a method that should return a Future returned null", caught[0].getMessage());
        assertEquals("Await.on((CompletionStage<?>) null): a null CompletionStage was awaited;"
                + " a method that should return a CompletableFuture or CompletionStage returned null", caught[1].getMessage());
    }

    @Test
    void nullArgumentsAreNamed() {
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        assertMessage(iae, "createTask: the coroutine must not be null", () -> loop.createTask(null));
        assertMessage(iae, "createTask: the coroutine must not be null", () -> loop.createTask(null, "name"));
        assertMessage(iae, "callSoon: the callback must not be null", () -> loop.callSoon(null));
        assertMessage(iae, "callSoonThreadsafe: the callback must not be null", () -> loop.callSoonThreadsafe(null));
        assertMessage(iae, "callAt: the callback must not be null", () -> loop.callLater(1, null));
        assertMessage(iae, "callAt: the callback must not be null", () -> loop.callAt(1, null));
        assertMessage(iae, "runUntilComplete: the coroutine must not be null", () -> loop.runUntilComplete((Coroutine<?>) null));
        assertMessage(iae, "runUntilComplete: the future must not be null", () -> loop.runUntilComplete((Future<?>) null));
        assertMessage(iae, "Asyncio.run: the coroutine must not be null", () -> Asyncio.run(null));
        assertMessage(iae, "sleep: the duration must not be null", () -> Asyncio.sleep(null));
        assertMessage(iae, "timeout: the body must not be null", () -> Asyncio.timeoutAt(1, null));
        assertMessage(iae, "toThread: the work must not be null", () -> Asyncio.toThread(null));
        assertMessage(iae, "TaskGroup.run: the body must not be null", () -> TaskGroup.run(null));
        assertMessage(iae, "Condition: the lock must not be null", () -> new Condition(null));
        assertMessage(iae, "Queue.putNowait: the item must not be null", () -> new Queue<String>().putNowait(null));
    }

    @Test
    void nullArgumentsToCombinatorsAreNamed() {
        Throwable[] caught = new Throwable[4];
        runMain(script(Script.run(() -> {
            caught[0] = assertThrows(IllegalArgumentException.class, () -> Asyncio.createTask(null));
            caught[1] = assertThrows(IllegalArgumentException.class, () -> Asyncio.gather((List<?>) null));
            caught[2] = assertThrows(IllegalArgumentException.class, () -> Asyncio.gather((Object) null));
            caught[3] = assertThrows(IllegalArgumentException.class, () -> Asyncio.wait(null, ReturnWhen.ALL_COMPLETED));
        })));
        assertEquals("createTask: the coroutine must not be null", caught[0].getMessage());
        assertEquals("gather: the awaitables must not be null", caught[1].getMessage());
        assertEquals("A coroutine or a Future is required, not null", caught[2].getMessage());
        assertEquals("wait: the futures must not be null", caught[3].getMessage());
    }
}
