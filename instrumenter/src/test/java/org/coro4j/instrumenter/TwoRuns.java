package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A program written twice, once with a future awaited where it is made and once with it passed
 * through a method first, so that the instrumenter cannot know that only the await sees it: both
 * must behave the same.
 */
record TwoRuns(String awaited, String held) {
    /**
     * The start of class {@code Main} of such programs, after their imports: the {@code log} that
     * {@code run} returns joined, {@code held}, and {@code allocated}, the bytes the calling thread
     * allocates while it runs what it is given.
     */
    static final String MAIN_START = """
            import org.coro4j.*;
            import java.lang.management.ManagementFactory;
            import java.util.*;

            public class Main {
                static final List<String> log = new ArrayList<>();

                static <T> Future<T> held(Future<T> future) {
                    return future;
                }

                static long allocated(Runnable run) {
                    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                    long before = threads.getCurrentThreadAllocatedBytes();
                    run.run();
                    return threads.getCurrentThreadAllocatedBytes() - before;
                }
            """;

    /**
     * The two programs of {@code source}, in which each {@code NAME[x]} (for {@code placeholder}
     * {@code NAME}) stands for {@code made}, an expression making a future from {@code x} (as
     * {@code $1}): awaited where it is made in one, passed through {@code held} first in the other.
     */
    static TwoRuns of(String source, String placeholder, String made) {
        String pattern = placeholder + "\\[(.*?)]";
        return new TwoRuns(source.replaceAll(pattern, made), source.replaceAll(pattern, "held(" + made + ")"));
    }

    /** Runs {@code Main.run(name)} of both programs; each must return {@code expected}. */
    void assertBoth(String name, String expected) throws Throwable {
        assertEquals(expected, Instrumented.program(awaited).call("Main", "run", name), name + ", awaited where made");
        assertEquals(expected, Instrumented.program(held).call("Main", "run", name), name + ", held first");
    }

    /**
     * The names of the calls matching {@code wanted} that the instrumented methods of {@code Main}
     * named {@code method} (a body and its direct copy) make, in order, each name once.
     */
    static List<String> calls(String source, String method, Predicate<MethodInsnNode> wanted) throws InstrumentationException {
        Map<String, byte[]> classes = Instrumented.instrumentAll(InMemoryCompiler.compile(TestCompiler.current(), Map.of("Main.java", source)));
        ClassNode main = new ClassNode();
        new ClassReader(classes.get("Main")).accept(main, 0);
        List<String> calls = new ArrayList<>();
        for (MethodNode each : main.methods) {
            if (each.name.equals(method)) {
                for (AbstractInsnNode insn : each.instructions) {
                    if (insn instanceof MethodInsnNode call && wanted.test(call)) {
                        calls.add(call.name);
                    }
                }
            }
        }
        return calls.stream().distinct().toList();
    }
}
