package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** javac copies {@code @Async} onto bridge methods; a bridge stays a plain call of the coroutine method it bridges to. */
class BridgeMethodTest {
    private static final String SOURCE = """
            import org.coro4j.*;

            public class Main {
                static class Impl implements AsyncFunction<Integer, String> {
                    @Async
                    public Coroutine<String> apply(Integer v) {
                        Await.on(V.f(0));
                        return Coroutine.of("v" + v);
                    }
                }

                public static Coroutine<String> viaInterface() {
                    AsyncFunction<Integer, String> function = new Impl();
                    return function.apply(4);
                }

                @SuppressWarnings({"unchecked", "rawtypes"})
                public static Object rawCall() {
                    AsyncFunction function = new Impl();
                    return function.apply("not an integer");
                }
            }
            """;

    @Test
    void theBridgeOnlyCallsTheInstrumentedMethod() throws Exception {
        // javac's output: ECJ does not copy annotations onto bridges, which the other test covers on every compiler.
        Map<String, byte[]> compiled = InMemoryCompiler.compile(TestCompiler.JAVAC_17, Map.of("Main.java", SOURCE, "V.java", Scenario.HELPER));
        ClassNode javac = classNode(compiled.get("Main$Impl"));
        MethodNode bridge = method(javac, "apply", "(Ljava/lang/Object;)Lorg/coro4j/Coroutine;");
        // javac copies @Async onto the bridge, ECJ does not: either way the bridge stays a plain call
        assertTrue((bridge.access & Opcodes.ACC_BRIDGE) != 0, "the compiler wrote a bridge");

        InstrumentedClass result = new Instrumenter().instrument(compiled.get("Main$Impl"));

        assertEquals(1, result.coroutineMethods());
        assertEquals(List.of("Main$Impl", "Main$Impl$apply$Coro0"), List.copyOf(result.classes().keySet()));
        MethodNode written = method(classNode(result.classes().get("Main$Impl")), "apply", "(Ljava/lang/Object;)Lorg/coro4j/Coroutine;");
        List<String> calls = calls(written);
        assertEquals(List.of("Main$Impl.apply(Ljava/lang/Integer;)Lorg/coro4j/Coroutine;"), calls);
    }

    @Test
    void callsThroughTheBridgeRunTheCoroutineAndAWrongRawArgumentFailsAtTheCall() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "viaInterface", "v4");
        assertThrows(ClassCastException.class, () -> program.call("Main", "rawCall"));
    }

    private static ClassNode classNode(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }

    private static MethodNode method(ClassNode owner, String name, String descriptor) {
        return owner.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(descriptor)).findFirst().orElseThrow();
    }

    private static List<String> calls(MethodNode method) {
        List<String> calls = new java.util.ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call) {
                calls.add(call.owner + "." + call.name + call.desc);
            }
        }
        return calls;
    }
}
