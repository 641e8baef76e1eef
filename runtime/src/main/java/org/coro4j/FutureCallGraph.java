package org.coro4j;

import java.util.List;

/**
 * A future, where it is suspended if it is a task, and the call graphs of the futures awaiting it
 * [Python 3.14: {@code asyncio.FutureCallGraph}]. Made by {@link Asyncio#captureCallGraph}.
 *
 * @param future the future
 * @param callStack the {@code @Async} frames the task is suspended in, innermost first, as
 *     {@link Task#getStack()}; empty for a future that is not a task and for a task that is done
 * @param awaitedBy the call graphs of the tasks and futures waiting for {@code future}
 */
public record FutureCallGraph(Future<?> future, List<StackTraceElement> callStack, List<FutureCallGraph> awaitedBy) {

    /** Copies both lists. */
    public FutureCallGraph {
        callStack = List.copyOf(callStack);
        awaitedBy = List.copyOf(awaitedBy);
    }
}
