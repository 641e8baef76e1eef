package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.junit.jupiter.api.Test;

/** {@link FrameSimulator#framesBefore}: the exact types before each await, in one walk over a method. */
class FrameSimulatorTest {
    private static final String FUTURE = "org/coro4j/Future";

    private static MethodNode compiled(String source, String name) {
        ClassNode owner = new ClassNode();
        new ClassReader(InMemoryCompiler.compile(Map.of("Sim.java", source)).get("Sim")).accept(owner, ClassReader.EXPAND_FRAMES);
        return owner.methods.stream().filter(method -> method.name.equals(name)).findFirst().orElseThrow();
    }

    private static MethodInsnNode await() {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, "org/coro4j/Await", "on", "(L" + FUTURE + ";)Ljava/lang/Object;");
    }

    @Test
    void eachAwaitGetsTheTypesOfItsLocalsAndOperandStackBeforeAndAfterStackMapFrames() {
        MethodNode method = compiled("""
                import org.coro4j.*;
                class Sim {
                    @Async
                    static Coroutine<Integer> run(Future<Integer> g, long big, int n) {
                        int s = n + Await.on(g);
                        for (int i = 0; i < n; i++) {
                            s += i * Await.on(g);
                        }
                        StringBuilder text = new StringBuilder(String.valueOf(Await.on(g)));
                        return Coroutine.of(s + text.length() + (int) big);
                    }
                }
                """, "run");

        List<FrameSimulator.Before> frames = new FrameSimulator("Sim", method).framesBefore(CoroutineMethodFinder::isAwait);

        assertEquals(3, frames.size());
        for (FrameSimulator.Before before : frames) {
            assertNull(before.failure());
            assertTrue(CoroutineMethodFinder.isAwait(before.insn()));
        }
        List<Object> first = FrameSimulator.localTypes(frames.get(0).frame());
        assertEquals(List.of(FUTURE, Opcodes.LONG, Opcodes.INTEGER), first.subList(0, 3));
        assertEquals(List.of(Opcodes.INTEGER, FUTURE), FrameSimulator.stackTypes(frames.get(0).frame(), 2));
        assertEquals(2, frames.get(0).frame().getStackSize());

        List<Object> inLoop = FrameSimulator.localTypes(frames.get(1).frame());
        assertEquals(List.of(FUTURE, Opcodes.LONG, Opcodes.INTEGER, Opcodes.INTEGER, Opcodes.INTEGER), inLoop.subList(0, 5));
        assertEquals(List.of(Opcodes.INTEGER, Opcodes.INTEGER, FUTURE), FrameSimulator.stackTypes(frames.get(1).frame(), 3));

        List<Object> stack = FrameSimulator.stackTypes(frames.get(2).frame(), 3);
        assertEquals(3, frames.get(2).frame().getStackSize());
        LabelNode allocation = assertInstanceOf(LabelNode.class, stack.get(0));
        assertSame(allocation, stack.get(1));
        assertEquals(FUTURE, stack.get(2));
    }

    @Test
    void anInstructionThatCannotBeSimulatedFailsTheAwaitsUpToTheNextStackMapFrame() {
        MethodNode method = new MethodNode(Opcodes.ACC_STATIC, "broken", "(L" + FUTURE + ";)Ljava/lang/Object;", null, null);
        method.maxLocals = 1;
        method.maxStack = 2;
        InsnList code = method.instructions;
        code.add(new InsnNode(Opcodes.POP));
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(await());
        code.add(new InsnNode(Opcodes.POP));
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(await());
        code.add(new InsnNode(Opcodes.POP));
        code.add(new LabelNode());
        code.add(new FrameNode(Opcodes.F_NEW, 1, new Object[] {FUTURE}, 0, new Object[0]));
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(await());
        code.add(new InsnNode(Opcodes.ARETURN));

        List<FrameSimulator.Before> frames = new FrameSimulator("Broken", method).framesBefore(CoroutineMethodFinder::isAwait);

        assertEquals(3, frames.size());
        for (FrameSimulator.Before failed : frames.subList(0, 2)) {
            assertNull(failed.frame());
            assertNotNull(failed.failure());
        }
        assertSame(frames.get(0).failure(), frames.get(1).failure());
        assertNull(frames.get(2).failure());
        assertEquals(List.of(FUTURE), FrameSimulator.stackTypes(frames.get(2).frame(), 1));
        assertEquals(1, frames.get(2).frame().getStackSize());
    }

    @Test
    void eachFrameIsACopyThatLaterInstructionsDoNotChange() {
        MethodNode method = compiled("""
                import org.coro4j.*;
                class Sim {
                    @Async
                    static Coroutine<Integer> twice(Future<Integer> g) {
                        int a = Await.on(g);
                        String b = "x" + Await.on(g);
                        return Coroutine.of(a + b.length());
                    }
                }
                """, "twice");

        List<FrameSimulator.Before> frames = new FrameSimulator("Sim", method).framesBefore(CoroutineMethodFinder::isAwait);

        assertEquals(2, frames.size());
        assertEquals(1, frames.get(0).frame().getStackSize());
        assertEquals(List.of(FUTURE), FrameSimulator.stackTypes(frames.get(0).frame(), 1));
        assertEquals(List.of(FUTURE, Opcodes.TOP), FrameSimulator.localTypes(frames.get(0).frame()).subList(0, 2));
        assertEquals(List.of(FUTURE, Opcodes.INTEGER), FrameSimulator.localTypes(frames.get(1).frame()).subList(0, 2));
    }
}
