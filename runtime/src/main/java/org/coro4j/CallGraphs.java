package org.coro4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Who awaits what, as data and as text [Python 3.14: {@code asyncio.graph}]: the call graph of a
 * future, and the dump of every pending task of a loop.
 */
final class CallGraphs {
    private static final String INDENT = "    ";

    private CallGraphs() {
    }

    /** The call graph of {@code future}; a future met again on the way up is shown without its awaiters. */
    static FutureCallGraph capture(Future<?> future) {
        return capture(future, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static FutureCallGraph capture(Future<?> future, Set<Future<?>> seen) {
        List<FutureCallGraph> awaitedBy = new ArrayList<>();
        if (seen.add(future)) {
            for (Future<?> awaiter : future.awaiters()) {
                awaitedBy.add(capture(awaiter, seen));
            }
        }
        return new FutureCallGraph(future, stackOf(future), awaitedBy);
    }

    /**
     * The graph as text, one line per future and per frame:
     *
     * <pre>
     * * Task "Task-2"
     *   + Call stack:
     *   |   at com.acme.Demo.messenger(Demo.java:7)
     *   + Awaited by:
     *       * Task "Task-1"
     *         + Call stack:
     *         |   at com.acme.Demo.main(Demo.java:14)
     * </pre>
     */
    static String format(FutureCallGraph graph) {
        StringBuilder text = new StringBuilder();
        format(graph, 0, text);
        return text.toString();
    }

    private static void format(FutureCallGraph graph, int level, StringBuilder text) {
        String indent = INDENT.repeat(level);
        text.append(indent).append("* ").append(describe(graph.future())).append('\n');
        if (!graph.callStack().isEmpty()) {
            text.append(indent).append("  + Call stack:\n");
            for (StackTraceElement frame : graph.callStack()) {
                text.append(indent).append("  |   at ").append(frame).append('\n');
            }
        }
        if (!graph.awaitedBy().isEmpty()) {
            text.append(indent).append("  + Awaited by:\n");
            for (FutureCallGraph awaiter : graph.awaitedBy()) {
                format(awaiter, level + 1, text);
            }
        }
    }

    /**
     * Every pending task of {@code loop}, in creation order: its name, state, the frames it is
     * suspended in (innermost first) and what awaits it.
     */
    static String dumpTasks(EventLoop loop) {
        Set<Task<?>> tasks = loop.pendingTasks();
        StringBuilder text = new StringBuilder();
        text.append(tasks.size()).append(tasks.size() == 1 ? " pending task" : " pending tasks")
                .append(" at loop time ").append(loop.time()).append(tasks.isEmpty() ? "\n" : ":\n");
        for (Task<?> task : tasks) {
            text.append("* ").append(describe(task)).append(", ").append(state(loop, task)).append('\n');
            for (StackTraceElement frame : task.getStack()) {
                text.append("    at ").append(frame).append('\n');
            }
            List<Future<?>> awaiters = task.awaiters();
            if (!awaiters.isEmpty()) {
                text.append("    awaited by ");
                for (int i = 0; i < awaiters.size(); i++) {
                    text.append(i == 0 ? "" : ", ").append(describe(awaiters.get(i)));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String state(EventLoop loop, Task<?> task) {
        String cancelling = task.cancelling() > 0 ? " (cancelling)" : "";
        if (loop.currentTask() == task) {
            return "running" + cancelling;
        }
        Future<?> awaited = task.suspendedOn();
        return (awaited == null ? "ready" : "suspended on " + describe(awaited)) + cancelling;
    }

    private static List<StackTraceElement> stackOf(Future<?> future) {
        return future instanceof Task<?> task ? task.getStack() : List.of();
    }

    /** {@code Task "name"} for a task; {@code toString()} and identity hash of any other future. */
    static String describe(Future<?> future) {
        if (future instanceof Task<?> task) {
            return "Task \"" + task.getName() + "\"";
        }
        return future + " id=" + Integer.toHexString(System.identityHashCode(future));
    }
}
