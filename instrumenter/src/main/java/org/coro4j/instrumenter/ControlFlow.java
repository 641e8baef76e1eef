package org.coro4j.instrumenter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/** The successors of each instruction of a method, by index, counting the jumps to exception handlers. */
final class ControlFlow {
    private final List<int[]> successors;

    private ControlFlow(List<int[]> successors) {
        this.successors = successors;
    }

    /** The control flow of {@code method}; its instructions must not change while the result is in use. */
    static ControlFlow of(MethodNode method) {
        InsnList insns = method.instructions;
        List<int[]> successors = new ArrayList<>(insns.size());
        for (int index = 0; index < insns.size(); index++) {
            AbstractInsnNode insn = insns.get(index);
            List<Integer> next = new ArrayList<>();
            if (fallsThrough(insn) && index + 1 < insns.size()) {
                next.add(index + 1);
            }
            if (insn instanceof JumpInsnNode jump) {
                next.add(insns.indexOf(jump.label));
            } else if (insn instanceof TableSwitchInsnNode table) {
                next.add(insns.indexOf(table.dflt));
                table.labels.forEach(label -> next.add(insns.indexOf(label)));
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                next.add(insns.indexOf(lookup.dflt));
                lookup.labels.forEach(label -> next.add(insns.indexOf(label)));
            }
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                if (insns.indexOf(block.start) <= index && index < insns.indexOf(block.end)) {
                    next.add(insns.indexOf(block.handler));
                }
            }
            successors.add(next.stream().mapToInt(Integer::intValue).toArray());
        }
        return new ControlFlow(successors);
    }

    /**
     * A forward "may" analysis: the bits that may be set before each instruction, starting from
     * {@code entry} at the first, where the instruction at index {@code i} adds {@code gen[i]} (if not null).
     */
    BitSet[] forward(BitSet entry, BitSet[] gen) {
        BitSet[] in = new BitSet[successors.size()];
        ArrayDeque<Integer> work = new ArrayDeque<>();
        if (in.length > 0) {
            in[0] = (BitSet) entry.clone();
            work.add(0);
        }
        while (!work.isEmpty()) {
            int index = work.poll();
            BitSet out = (BitSet) in[index].clone();
            if (gen[index] != null) {
                out.or(gen[index]);
            }
            for (int next : successors.get(index)) {
                if (in[next] == null) {
                    in[next] = (BitSet) out.clone();
                    work.add(next);
                } else {
                    BitSet merged = (BitSet) in[next].clone();
                    merged.or(out);
                    if (!merged.equals(in[next])) {
                        in[next] = merged;
                        work.add(next);
                    }
                }
            }
        }
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null) {
                in[i] = new BitSet();
            }
        }
        return in;
    }

    static boolean fallsThrough(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return !(opcode == Opcodes.GOTO || opcode == Opcodes.ATHROW || opcode == Opcodes.TABLESWITCH
                || opcode == Opcodes.LOOKUPSWITCH || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN));
    }
}
