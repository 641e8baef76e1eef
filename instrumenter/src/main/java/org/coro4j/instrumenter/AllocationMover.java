package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Moves object allocations past the awaits among their constructor arguments. javac compiles
 * {@code new Foo(a, Await.on(x))} as {@code NEW Foo; DUP; a; x; Await.on; INVOKESPECIAL <init>}:
 * the uninitialised object would have to survive the suspension, which no field or local can hold.
 * (ECJ compiles an allocation whose result is discarded, {@code new Foo(Await.on(x));}, without
 * the {@code DUP}.) This removes the {@code NEW} and its {@code DUP} and re-creates both right before the
 * constructor call, after parking the arguments in fresh locals. Only the moment the class is
 * initialised changes: its static initialiser now runs after the arguments are evaluated.
 */
final class AllocationMover {
    private final MethodNode method;
    private final FrameSimulator simulator;
    private final SourceLines lines;
    private final TempLocals temps;

    /** One allocation to move: its {@code NEW}, the {@code DUP} after it (null if none) and its constructor call. */
    private record Allocation(TypeInsnNode newInsn, AbstractInsnNode dup, MethodInsnNode init) {
    }

    AllocationMover(String owner, MethodNode method, SourceLines lines) {
        this.method = method;
        this.simulator = new FrameSimulator(owner, method);
        this.lines = lines;
        this.temps = new TempLocals(method);
    }

    /** Moves every allocation pending at an await; returns the ones it could not move. */
    List<Problem> move() {
        List<Problem> problems = new ArrayList<>();
        Map<TypeInsnNode, AbstractInsnNode> pending = new LinkedHashMap<>();
        for (FrameSimulator.Before before : simulator.framesBefore(CoroutineMethodFinder::isAwait)) {
            if (before.failure() == null) {
                collect(before.insn(), before.frame(), pending, problems);
            }
        }
        List<Allocation> allocations = new ArrayList<>();
        for (Map.Entry<TypeInsnNode, AbstractInsnNode> entry : pending.entrySet()) {
            Allocation allocation = allocation(entry.getKey());
            if (allocation == null) {
                problems.add(lines.at(entry.getValue(), "Await.on inside the arguments of new "
                        + Type.getObjectType(entry.getKey().desc).getClassName()
                        + "(...) in code javac did not write; assign the awaited value to a local variable first"));
            } else {
                allocations.add(allocation);
            }
        }
        if (problems.isEmpty()) {
            forgetInFrames(pending.keySet());
            allocations.forEach(this::moveToConstructor);
        }
        return problems;
    }

    /** Notes the allocations pending at {@code await}, whose simulated frame is {@code frame}. */
    private void collect(AbstractInsnNode await, Frame<BasicValue> frame, Map<TypeInsnNode, AbstractInsnNode> pending,
            List<Problem> problems) {
        for (int slot = 0; slot < frame.getLocals(); slot++) {
            if (frame.getLocal(slot) instanceof UninitializedValue) {
                problems.add(lines.at(await, "Await.on while a local variable holds an object under construction"
                        + " is not supported; assign the awaited value to a local variable first"));
                return;
            }
        }
        for (int i = 0; i < frame.getStackSize(); i++) {
            if (frame.getStack(i) instanceof UninitializedValue value) {
                int copies = occurrences(frame, value);
                boolean duplicated = copies == 2 && i + 1 < frame.getStackSize() && frame.getStack(i + 1) == value;
                if (!duplicated && copies != 1) {
                    problems.add(lines.at(await, "Await.on inside the arguments of new " + value.getType().getClassName()
                            + "(...) compiled in an unknown shape; assign the awaited value to a local variable first"));
                    return;
                }
                pending.putIfAbsent(value.newInsn(), await);
                i += copies - 1;
            }
        }
    }

    private static int occurrences(Frame<BasicValue> frame, BasicValue value) {
        int count = 0;
        for (int i = 0; i < frame.getStackSize(); i++) {
            count += frame.getStack(i) == value ? 1 : 0;
        }
        return count;
    }

    /**
     * The {@code NEW; DUP; ...; <init>} shape javac writes, or ECJ's {@code NEW; ...; <init>} for a
     * discarded object; null if {@code newInsn} is in neither.
     */
    private static Allocation allocation(TypeInsnNode newInsn) {
        AbstractInsnNode next = nextInstruction(newInsn);
        AbstractInsnNode dup = next != null && next.getOpcode() == Opcodes.DUP ? next : null;
        int depth = 0;
        for (AbstractInsnNode insn = dup != null ? dup.getNext() : newInsn.getNext(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.NEW) {
                depth++;
            } else if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL && call.name.equals("<init>")) {
                if (depth == 0) {
                    return call.owner.equals(newInsn.desc) ? new Allocation(newInsn, dup, call) : null;
                }
                depth--;
            }
        }
        return null;
    }

    private static AbstractInsnNode nextInstruction(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }

    /** Drops the moved objects from javac's frames between each {@code NEW} and its constructor call. */
    private void forgetInFrames(Set<TypeInsnNode> moved) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode frame && frame.stack != null) {
                List<Object> stack = new ArrayList<>();
                for (Object type : frame.stack) {
                    if (!(type instanceof LabelNode label && moved.contains(UninitializedValue.newInsnAt(label)))) {
                        stack.add(type);
                    }
                }
                frame.stack = stack;
            }
        }
    }

    private void moveToConstructor(Allocation allocation) {
        List<SpillKind> kinds = new ArrayList<>();
        for (Type argument : Type.getArgumentTypes(allocation.init().desc)) {
            kinds.add(SpillKind.of(argument));
        }
        int[] slots = temps.allocate(kinds);
        InsnList code = new InsnList();
        code.add(TempLocals.store(kinds, slots));
        code.add(new TypeInsnNode(Opcodes.NEW, allocation.newInsn().desc));
        if (allocation.dup() != null) {
            code.add(new InsnNode(Opcodes.DUP));
            method.instructions.remove(allocation.dup());
        }
        code.add(TempLocals.load(kinds, slots));
        method.instructions.insertBefore(allocation.init(), code);
        method.instructions.remove(allocation.newInsn());
    }
}
