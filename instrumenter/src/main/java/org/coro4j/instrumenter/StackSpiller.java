package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Empties the operand stack below each {@code Await.on}: the values pending there (the receiver
 * and earlier arguments of an enclosing call, the left side of an operator, an array and index
 * waiting for a store) move into fresh locals before the call and back onto the stack after it,
 * so that only locals have to be kept across a suspension. Runs after {@link AllocationMover},
 * which removes the uninitialised objects that no local may keep.
 */
final class StackSpiller {
    private final MethodNode method;
    private final FrameSimulator simulator;
    private final SourceLines lines;
    private final TempLocals temps;

    StackSpiller(String owner, MethodNode method, SourceLines lines) {
        this.method = method;
        this.simulator = new FrameSimulator(owner, method);
        this.lines = lines;
        this.temps = new TempLocals(method);
    }

    /** Spills the stack at every await of the method; returns the awaits it could not handle. */
    List<Problem> spill() {
        List<Problem> problems = new ArrayList<>();
        List<AbstractInsnNode> awaits = new ArrayList<>();
        List<Frame<BasicValue>> frames = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (CoroutineMethodFinder.isAwait(insn)) {
                try {
                    Frame<BasicValue> frame = simulator.frameBefore(insn);
                    awaits.add(insn);
                    frames.add(frame);
                } catch (AnalyzerException | RuntimeException e) {
                    problems.add(lines.at(insn, "cannot analyse the code around Await.on: " + e.getMessage()));
                }
            }
        }
        for (int i = 0; i < awaits.size(); i++) {
            Frame<BasicValue> frame = frames.get(i);
            if (frame.getStackSize() > 1) {
                List<SpillKind> kinds = pendingKinds(frame);
                if (kinds == null) {
                    problems.add(lines.at(awaits.get(i), "Await.on inside an expression whose pending values cannot be"
                            + " kept across a suspension; assign the awaited value to a local variable first"));
                } else {
                    spillAround(awaits.get(i), kinds);
                }
            }
        }
        return problems;
    }

    /** The kinds of the values below the awaitable, bottom first; null if one cannot live in a local. */
    private static List<SpillKind> pendingKinds(Frame<BasicValue> frame) {
        List<SpillKind> kinds = new ArrayList<>();
        for (int i = 0; i < frame.getStackSize() - 1; i++) {
            BasicValue value = frame.getStack(i);
            SpillKind kind = SpillKind.of(value);
            if (value instanceof UninitializedValue || kind == null) {
                return null;
            }
            kinds.add(kind);
        }
        return kinds;
    }

    /**
     * Before the await: awaitable to a temp, pending values to temps, awaitable back. After it: the
     * result to the awaitable's temp, the pending values back, the result on top.
     */
    private void spillAround(AbstractInsnNode await, List<SpillKind> pending) {
        int[] slots = temps.allocate(pending);
        int top = temps.allocate(List.of(SpillKind.REFERENCE))[0];
        InsnList before = new InsnList();
        before.add(new VarInsnNode(Opcodes.ASTORE, top));
        before.add(TempLocals.store(pending, slots));
        before.add(new VarInsnNode(Opcodes.ALOAD, top));
        method.instructions.insertBefore(await, before);
        InsnList after = new InsnList();
        after.add(new VarInsnNode(Opcodes.ASTORE, top));
        after.add(TempLocals.load(pending, slots));
        after.add(new VarInsnNode(Opcodes.ALOAD, top));
        method.instructions.insert(await, after);
    }
}
