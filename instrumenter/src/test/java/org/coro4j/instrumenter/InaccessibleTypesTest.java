package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Values whose exact type is a class the coroutine cannot name (a lub such as
 * {@code AbstractStringBuilder}, a package-private class returned by a public method of another
 * package) are kept across a suspension and restored without any access check: typed fields, no
 * {@code checkcast}. Each case resumes for real, in the verifying loader.
 */
class InaccessibleTypesTest {
    private static final String HIDDEN = """
            package lib;

            class Hidden {
                @Override
                public String toString() {
                    return "hidden";
                }
            }
            """;
    private static final String API = """
            package lib;

            public class Api {
                public static Hidden hidden() {
                    return new Hidden();
                }

                public static String show(Object value, Object awaited) {
                    return value + "/" + awaited;
                }
            }
            """;
    private static final String MAIN = """
            import org.coro4j.*;

            public class Main {
                @Async
                static Coroutine<String> lub(boolean flag) {
                    var sb = flag ? new StringBuilder("a") : new StringBuffer("b");
                    Await.on(V.f(0));
                    return Coroutine.of(String.valueOf(sb) + Await.on(V.f("!")));
                }

                public static Coroutine<String> lubLocal() {
                    return lub(false);
                }

                @Async
                static Coroutine<String> lubOnStack(boolean flag) {
                    return Coroutine.of(lib.Api.show(flag ? new StringBuilder("c") : new StringBuffer("d"), Await.on(V.f("e"))));
                }

                public static Coroutine<String> lubPending() {
                    return lubOnStack(true);
                }

                @Async
                public static Coroutine<String> hiddenLocal() {
                    Object hidden = lib.Api.hidden();
                    String awaited = Await.on(V.f("x"));
                    return Coroutine.of(hidden + awaited);
                }

                @Async
                public static Coroutine<String> hiddenPending() {
                    return Coroutine.of(lib.Api.show(lib.Api.hidden(), Await.on(V.f("y"))));
                }
            }
            """;

    private static Map<String, String> sources() {
        return Map.of("Main.java", MAIN, "V.java", Scenario.HELPER, "lib/Hidden.java", HIDDEN, "lib/Api.java", API);
    }

    @Test
    void inaccessibleLocalsAndPendingValuesResume() throws Throwable {
        Instrumented program = Instrumented.of(sources());
        Scenario.assertResult(program, "lubLocal", "b!");
        Scenario.assertResult(program, "lubPending", "c/e");
        Scenario.assertResult(program, "hiddenLocal", "hiddenx");
        Scenario.assertResult(program, "hiddenPending", "hidden/y");
    }

    @Test
    void theHiddenClassIsKeptInFieldsOfItsOwnTypeAndNeverCast() throws Exception {
        Map<String, byte[]> classes = Instrumented.instrumentAll(InMemoryCompiler.compile(sources()));
        List<String> descriptors = new ArrayList<>();
        for (Map.Entry<String, byte[]> each : classes.entrySet()) {
            if (each.getKey().startsWith("Main$hidden")) {
                for (FieldNode field : classNode(each.getValue()).fields) {
                    descriptors.add(field.desc);
                }
            }
        }
        assertEquals(2, descriptors.stream().filter("Llib/Hidden;"::equals).count(), descriptors.toString());
        for (MethodNode method : classNode(classes.get("Main")).methods) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof TypeInsnNode type) {
                    assertTrue(!type.desc.equals("lib/Hidden") && !type.desc.equals("java/lang/AbstractStringBuilder"),
                            method.name + " names " + type.desc);
                }
            }
        }
    }

    private static ClassNode classNode(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }
}
