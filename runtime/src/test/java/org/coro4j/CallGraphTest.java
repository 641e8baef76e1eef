package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Asyncio#captureCallGraph}, {@link Asyncio#formatCallGraph} and {@link EventLoop#dumpTasks},
 * after CPython's Lib/test/test_asyncio/test_graph.py.
 */
class CallGraphTest extends VirtualLoopTest {
    private final List<Object> seen = new ArrayList<>();

    private static StackTraceElement frame(String name) {
        return new StackTraceElement("Script", name, null, -1);
    }

    private static String id(Future<?> future) {
        return future + " id=" + Integer.toHexString(System.identityHashCode(future));
    }

    /** A task "worker" suspended two coroutines deep, awaited through a gather by a task "gatherer". */
    private Coroutine<Object> mainCapturingAfterHalfASecond(Runnable capture) {
        return named("main",
                Script.run(() -> {
                    Task<?> worker = loop.createTask(named("work", await(() -> named("inner", await(() -> Asyncio.sleep(1))))), "worker");
                    seen.add(worker);
                    seen.add(loop.createTask(named("waiter", await(() -> Asyncio.gather(worker))), "gatherer"));
                }),
                await(() -> Asyncio.sleep(0.5)),
                Script.run(capture),
                await(() -> (Future<?>) seen.get(1)));
    }

    // test_graph.py: test_stack_tracking_1 (a task, its gather, and the task awaiting the gather)
    @Test
    void theGraphOfATaskListsItsFramesAndWhoAwaitsItThroughAGather() {
        FutureCallGraph[] graph = new FutureCallGraph[1];
        runMain(mainCapturingAfterHalfASecond(() -> graph[0] = Asyncio.captureCallGraph((Future<?>) seen.get(0))));

        assertSame(seen.get(0), graph[0].future());
        assertEquals(List.of(frame("inner"), frame("work")), graph[0].callStack());
        FutureCallGraph gathering = graph[0].awaitedBy().get(0);
        assertEquals(List.of(), gathering.callStack());
        FutureCallGraph gatherer = gathering.awaitedBy().get(0);
        assertSame(seen.get(1), gatherer.future());
        assertEquals(List.of(frame("waiter")), gatherer.callStack());
        assertEquals(List.of(), gatherer.awaitedBy());
    }

    // test_graph.py: test_stack_tracking_1 (format_call_graph)
    @Test
    void theFormattedGraphIndentsEachAwaiterUnderTheFutureItAwaits() {
        String[] text = new String[2];
        runMain(mainCapturingAfterHalfASecond(() -> {
            Future<?> worker = (Future<?>) seen.get(0);
            text[1] = id(Asyncio.captureCallGraph(worker).awaitedBy().get(0).future());
            text[0] = Asyncio.formatCallGraph(worker);
        }));

        assertEquals("* Task \"worker\"\n"
                + "  + Call stack:\n"
                + "  |   at Script.inner(Unknown Source)\n"
                + "  |   at Script.work(Unknown Source)\n"
                + "  + Awaited by:\n"
                + "    * " + text[1] + "\n"
                + "      + Awaited by:\n"
                + "        * Task \"gatherer\"\n"
                + "          + Call stack:\n"
                + "          |   at Script.waiter(Unknown Source)\n", text[0]);
    }

    @Test
    void printCallGraphPrintsTheFormattedGraph() {
        String[] text = new String[2];
        runMain(mainCapturingAfterHalfASecond(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Asyncio.printCallGraph((Future<?>) seen.get(0), new PrintStream(bytes, true, StandardCharsets.UTF_8));
            text[0] = bytes.toString(StandardCharsets.UTF_8);
            text[1] = Asyncio.formatCallGraph((Future<?>) seen.get(0));
        }));

        assertEquals(text[1], text[0]);
    }

    @Test
    void aTaskAwaitingATaskAndTheParentOfATaskGroupAreItsAwaiters() {
        FutureCallGraph[] graph = new FutureCallGraph[2];
        Task<?>[] tasks = new Task<?>[3];
        Coroutine<Object> main = named("main",
                await(() -> TaskGroup.run(tg -> {
                    tasks[0] = tg.createTask(named("child", await(() -> Asyncio.sleep(1))), "child");
                    tasks[1] = loop.createTask(named("direct", await(() -> tasks[0])), "direct");
                    return named("body", await(() -> Asyncio.sleep(0.5)), Script.run(() -> {
                        graph[0] = Asyncio.captureCallGraph(tasks[0]);
                    }));
                })));
        tasks[2] = loop.createTask(main, "main");
        loop.runUntilComplete(tasks[2]);

        List<Future<?>> awaiters = new ArrayList<>();
        graph[0].awaitedBy().forEach(g -> awaiters.add(g.future()));
        assertEquals(List.of(tasks[2], tasks[1]), awaiters);
        assertEquals(List.of(frame("direct")), graph[0].awaitedBy().get(1).callStack());
    }

    @Test
    void aShieldAwaitsTheFutureItShields() {
        FutureCallGraph[] graph = new FutureCallGraph[1];
        Task<Object> inner = loop.createTask(named("inner", await(() -> Asyncio.sleep(1))), "inner");
        Task<Object> outer = loop.createTask(named("outer", await(() -> Asyncio.shield(inner))), "outer");
        loop.callLater(0.5, () -> graph[0] = Asyncio.captureCallGraph(inner));
        loop.runUntilComplete(outer);

        FutureCallGraph shield = graph[0].awaitedBy().get(0);
        assertEquals("Shielded", shield.future().getClass().getSimpleName());
        assertSame(outer, shield.awaitedBy().get(0).future());
        assertEquals(List.of(frame("outer")), shield.awaitedBy().get(0).callStack());
    }

    @Test
    void theGraphOfADoneTaskHasNoStackAndNoAwaiters() {
        Task<Object> done = loop.createTask(named("quick"));
        loop.runUntilComplete(done);

        FutureCallGraph graph = Asyncio.captureCallGraph(done);

        assertEquals(new FutureCallGraph(done, List.of(), List.of()), graph);
        assertEquals("* Task \"Task-" + done.getName().substring(5) + "\"\n", Asyncio.formatCallGraph(done));
    }

    @Test
    void dumpTasksListsEveryPendingTaskWithItsStateStackAndAwaiters() {
        String[] dump = new String[1];
        String[] futures = new String[2];
        Task<Object> main = loop.createTask(mainCapturingAfterHalfASecond(() -> {
            Task<?> worker = (Task<?>) seen.get(0);
            futures[0] = id(worker.suspendedOn());
            futures[1] = id(Asyncio.captureCallGraph(worker).awaitedBy().get(0).future());
            dump[0] = loop.dumpTasks();
        }), "main");
        loop.runUntilComplete(main);

        assertEquals("3 pending tasks at loop time 0.5:\n"
                + "* Task \"main\", running\n"
                + "    at Script.main(Unknown Source)\n"
                + "* Task \"worker\", suspended on " + futures[0] + "\n"
                + "    at Script.inner(Unknown Source)\n"
                + "    at Script.work(Unknown Source)\n"
                + "    awaited by " + futures[1] + "\n"
                + "* Task \"gatherer\", suspended on " + futures[1] + "\n"
                + "    at Script.waiter(Unknown Source)\n", dump[0]);
        assertEquals("0 pending tasks at loop time 1.0\n", loop.dumpTasks());
    }

    @Test
    void dumpTasksShowsReadyAndCancellingTasks() {
        Task<Object> sleeper = loop.createTask(named("sleeper", await(() -> Asyncio.sleep(5))), "sleeper");
        assertEquals("1 pending task at loop time 0.0:\n* Task \"sleeper\", ready\n    at Script.sleeper(Unknown Source)\n",
                loop.dumpTasks());
        sleeper.cancel();
        assertEquals("1 pending task at loop time 0.0:\n* Task \"sleeper\", ready (cancelling)\n    at Script.sleeper(Unknown Source)\n",
                loop.dumpTasks());
    }
}
