package org.coro4j.instrumenter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Finds the {@code Await.on} calls made while a {@code synchronized} block holds a monitor: a
 * suspended coroutine would keep the monitor on a thread that goes on running other tasks.
 */
final class MonitorChecker {
    /** Deeper nesting only comes from unbalanced bytecode; stop there instead of looping. */
    private static final int MAX_DEPTH = 255;

    private final MethodNode method;
    private final int[] depth;

    private MonitorChecker(MethodNode method) {
        this.method = method;
        this.depth = new int[method.instructions.size()];
        Arrays.fill(depth, -1);
    }

    /** The awaits in {@code method} that run with a monitor held. */
    static List<AbstractInsnNode> awaitsHoldingMonitor(MethodNode method) {
        boolean hasMonitor = false;
        for (AbstractInsnNode insn : method.instructions) {
            hasMonitor |= insn.getOpcode() == Opcodes.MONITORENTER;
        }
        if (!hasMonitor) {
            return List.of();
        }
        MonitorChecker checker = new MonitorChecker(method);
        checker.propagate();
        List<AbstractInsnNode> found = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (CoroutineMethodFinder.isAwait(insn) && checker.depth[method.instructions.indexOf(insn)] > 0) {
                found.add(insn);
            }
        }
        return found;
    }

    private void propagate() {
        InsnList insns = method.instructions;
        ArrayDeque<Integer> work = new ArrayDeque<>();
        visit(work, 0, 0);
        while (!work.isEmpty()) {
            int index = work.poll();
            AbstractInsnNode insn = insns.get(index);
            int here = depth[index];
            int after = here + (insn.getOpcode() == Opcodes.MONITORENTER ? 1 : insn.getOpcode() == Opcodes.MONITOREXIT ? -1 : 0);
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                if (insns.indexOf(block.start) <= index && index < insns.indexOf(block.end)) {
                    visit(work, insns.indexOf(block.handler), here);
                }
            }
            if (insn instanceof JumpInsnNode jump) {
                visit(work, insns.indexOf(jump.label), after);
            } else if (insn instanceof TableSwitchInsnNode table) {
                visit(work, insns.indexOf(table.dflt), after);
                table.labels.forEach(label -> visit(work, insns.indexOf(label), after));
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                visit(work, insns.indexOf(lookup.dflt), after);
                lookup.labels.forEach(label -> visit(work, insns.indexOf(label), after));
            }
            if (ControlFlow.fallsThrough(insn) && index + 1 < insns.size()) {
                visit(work, index + 1, after);
            }
        }
    }

    private void visit(ArrayDeque<Integer> work, int index, int monitors) {
        if (monitors > depth[index] && monitors <= MAX_DEPTH) {
            depth[index] = monitors;
            work.add(index);
        }
    }
}
