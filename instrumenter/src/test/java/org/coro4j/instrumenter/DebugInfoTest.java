package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Stack traces, {@code Task.getStack()} and the local variable table still describe the source
 * after instrumentation: original method names and lines, every local's name, valid ranges.
 */
class DebugInfoTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                @Async
                static Coroutine<String> failsAfterAwait() {
                    Await.on(V.f(0));
                    throw new IllegalStateException("after"); // THROW
                }

                @Async
                static Coroutine<String> middle() {
                    return Coroutine.of(Await.on(failsAfterAwait()) + ""); // MIDDLE
                }

                @Async
                public static Coroutine<String> stackTraceOfFailure() {
                    try {
                        Await.on(middle());
                        return Coroutine.of("no");
                    } catch (IllegalStateException e) {
                        StackTraceElement top = e.getStackTrace()[0];
                        return Coroutine.of(top.getClassName() + "." + top.getMethodName() + ":" + top.getLineNumber());
                    }
                }

                static Future<String> gate;

                @Async
                static Coroutine<String> inner(long wide, String text) {
                    String s = Await.on(gate); // INNER
                    return Coroutine.of(s + wide + text);
                }

                @Async
                static Coroutine<String> outer() {
                    return Coroutine.of("o" + Await.on(inner(1, "t"))); // OUTER
                }

                @Async
                public static Coroutine<String> suspendedStack() {
                    Await.on(V.f(0));
                    gate = new Future<>();
                    Task<String> task = Asyncio.createTask(outer());
                    Await.on(Asyncio.sleep(0));
                    List<StackTraceElement> stack = task.getStack();
                    gate.setResult("k");
                    String result = Await.on(task);
                    StringBuilder out = new StringBuilder(result);
                    for (StackTraceElement element : stack) {
                        out.append(' ').append(element.getClassName()).append('.').append(element.getMethodName())
                                .append(':').append(element.getLineNumber());
                    }
                    return Coroutine.of(out.toString());
                }
            }
            """;

    private static int line(String marker) {
        String[] lines = SOURCE.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("// " + marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(marker);
    }

    @Test
    void exceptionAfterAwaitNamesTheMethodAndLine() throws Throwable {
        assertResult(Scenario.program(SOURCE), "stackTraceOfFailure", "Main.failsAfterAwait:" + line("THROW"));
    }

    @Test
    void suspendedTaskReportsEveryCoroutineWithItsLine() throws Throwable {
        assertResult(Scenario.program(SOURCE), "suspendedStack",
                "ok1t Main.inner:" + line("INNER") + " Main.outer:" + line("OUTER"));
    }

    @Test
    void localVariableTableKeepsNamesAndValidRanges() throws Exception {
        Map<String, byte[]> classes = Instrumented.instrumentAll(
                InMemoryCompiler.compile(TestCompiler.current().withDebugInfo(), Map.of("Main.java", SOURCE, "V.java", Scenario.HELPER)));
        ClassNode main = new ClassNode();
        new ClassReader(classes.get("Main")).accept(main, 0);
        int bodies = 0;
        for (MethodNode method : main.methods) {
            Type[] parameters = Type.getArgumentTypes(method.desc);
            if (parameters.length != 1 || !parameters[0].getInternalName().startsWith("Main$" + method.name + "$Coro")) {
                continue;
            }
            bodies++;
            List<String> names = new ArrayList<>();
            int frameSlot = -1;
            for (LocalVariableNode local : method.localVariables) {
                names.add(local.name);
                assertTrue(method.instructions.indexOf(local.start) < method.instructions.indexOf(local.end),
                        method.name + ": empty or inverted range for " + local.name);
                if (local.name.equals(SuspendPointRewriter.CONTINUATION_LOCAL_NAME)) {
                    frameSlot = local.index;
                    assertEquals(parameters[0].getDescriptor(), local.desc);
                }
            }
            assertTrue(frameSlot >= 0, method.name + " names its frame");
            for (LocalVariableNode local : method.localVariables) {
                if (!local.name.equals(SuspendPointRewriter.CONTINUATION_LOCAL_NAME)) {
                    assertTrue(local.index + Type.getType(local.desc).getSize() <= frameSlot || local.index > frameSlot,
                            method.name + ": " + local.name + " overlaps the continuation's slot");
                }
            }
            if (method.name.equals("inner")) {
                assertTrue(names.containsAll(List.of("wide", "text", "s")), names.toString());
            }
            if (method.name.equals("suspendedStack")) {
                assertTrue(names.containsAll(List.of("task", "stack", "result", "out", "element")), names.toString());
            }
        }
        assertEquals(6, bodies);
    }
}
