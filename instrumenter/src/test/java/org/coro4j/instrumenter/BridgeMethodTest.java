package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * An {@code @Async} method implementing a generic interface gets a bridge from the compiler (javac
 * copies the annotation onto it); the bridge stays a plain method that calls the coroutine, so a
 * call through the interface creates one continuation, and a wrongly typed raw call fails at the
 * call, as without instrumentation.
 */
class BridgeMethodTest {
    private static final String SOURCE = """
            import org.coro4j.*;

            public class Main {
                static final class Length implements AsyncFunction<String, Integer> {
                    @Async
                    @Override
                    public Coroutine<Integer> apply(String text) {
                        Await.on(V.f(0));
                        return Coroutine.of(text.length());
                    }
                }

                @Async
                public static Coroutine<Integer> throughTheInterface() {
                    AsyncFunction<String, Integer> length = new Length();
                    return Coroutine.of(Await.on(length.apply("four")) + Await.on(length.apply("x")));
                }

                @SuppressWarnings({"unchecked", "rawtypes"})
                public static String rawCallOfTheWrongType() {
                    AsyncFunction raw = new Length();
                    try {
                        raw.apply(42);
                        return "no error at the call";
                    } catch (ClassCastException e) {
                        return "ClassCastException at the call";
                    }
                }
            }
            """;

    @Test
    void aCallThroughTheInterfaceRunsTheCoroutine() throws Throwable {
        assertResult(Scenario.program(SOURCE), "throughTheInterface", 5);
    }

    @Test
    void aWronglyTypedRawCallFailsAtTheCall() throws Throwable {
        assertEquals("ClassCastException at the call", Scenario.program(SOURCE).call("Main", "rawCallOfTheWrongType"));
    }

    @Test
    void theBridgeOnlyCallsTheCoroutine() throws Exception {
        Map<String, byte[]> classes = Instrumented.instrumentAll(InMemoryCompiler.compile(Map.of("Main.java", SOURCE, "V.java", Scenario.HELPER)));
        ClassNode length = new ClassNode();
        new ClassReader(classes.get("Main$Length")).accept(length, 0);
        int bridges = 0;
        for (MethodNode method : length.methods) {
            if ((method.access & Opcodes.ACC_BRIDGE) != 0) {
                bridges++;
                for (AbstractInsnNode insn : method.instructions) {
                    assertTrue(insn.getOpcode() != Opcodes.NEW, "the bridge allocates: it was made a coroutine");
                }
            }
        }
        assertEquals(1, bridges);
    }
}
