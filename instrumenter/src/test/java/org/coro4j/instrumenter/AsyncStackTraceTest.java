package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptions and task stacks name the coroutine methods and their source lines. */
class AsyncStackTraceTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import static org.coro4j.Asyncio.*;
            import java.util.*;

            public class Main {
                @Async
                static Coroutine<Void> inner(double delay) {
                    if (delay > 0) Await.on(sleep(delay));
                    throw new IllegalStateException("inner failed");
                }

                @Async
                static Coroutine<Void> middle(double delay) {
                    Await.on(inner(delay));
                    return Coroutine.done();
                }

                @Async
                static Coroutine<Void> outer(double delay) {
                    Await.on(middle(delay));
                    return Coroutine.done();
                }

                public static StackTraceElement[] failure(double delay) {
                    try {
                        Asyncio.run(EventLoop.withVirtualClock(), outer(delay));
                        return null;
                    } catch (IllegalStateException e) {
                        return e.getStackTrace();
                    }
                }

                @Async
                static Coroutine<List<StackTraceElement>> stackOf() {
                    Task<Void> task = createTask(outer(5.0));
                    Await.on(sleep(1.0));
                    List<StackTraceElement> stack = task.getStack();
                    task.cancel();
                    return Coroutine.of(stack);
                }

                public static List<StackTraceElement> suspendedStack() {
                    return Asyncio.run(EventLoop.withVirtualClock(), stackOf());
                }
            }
            """;

    private static List<String> mainFrames(StackTraceElement[] trace) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement element : trace) {
            if (element.getClassName().equals("Main") && !element.getMethodName().startsWith("failure")) {
                frames.add(element.getMethodName() + ":" + element.getFileName() + ":" + element.getLineNumber());
            }
        }
        return frames;
    }

    @Test
    void exceptionAfterSuspensionShowsEveryAwaitingCoroutine() throws Throwable {
        StackTraceElement[] trace = (StackTraceElement[]) Instrumented.program(SOURCE).call("Main", "failure", 1.0);
        assertEquals(List.of("inner:Main.java:9", "middle:Main.java:14", "outer:Main.java:20"), mainFrames(trace));
    }

    @Test
    void exceptionWithoutSuspensionShowsEveryAwaitingCoroutine() throws Throwable {
        StackTraceElement[] trace = (StackTraceElement[]) Instrumented.program(SOURCE).call("Main", "failure", 0.0);
        assertEquals(List.of("inner:Main.java:9", "middle:Main.java:14", "outer:Main.java:20"), mainFrames(trace));
    }

    @Test
    @SuppressWarnings("unchecked")
    void suspendedTaskStackListsCoroutinesInnermostFirst() throws Throwable {
        List<StackTraceElement> stack = (List<StackTraceElement>) Instrumented.program(SOURCE).call("Main", "suspendedStack");
        assertEquals(List.of("inner:Main.java:8", "middle:Main.java:14", "outer:Main.java:20"),
                mainFrames(stack.toArray(new StackTraceElement[0])));
    }
}
