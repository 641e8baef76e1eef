package org.coro4j.instrumenter;

import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which local slots are live before each instruction: read on some path before being written,
 * counting the paths through exception handlers. A long or double is tracked by its first slot.
 * Only live locals need to be kept across a suspension.
 */
final class LiveLocals {
    private final InsnList insns;
    private final List<TryCatchBlockNode> handlers;
    private final BitSet[] liveIn;

    private LiveLocals(MethodNode method) {
        this.insns = method.instructions;
        this.handlers = method.tryCatchBlocks;
        this.liveIn = new BitSet[insns.size()];
        for (int i = 0; i < liveIn.length; i++) {
            liveIn[i] = new BitSet();
        }
    }

    /** Analyses {@code method}; its instructions must not change while the result is in use. */
    static LiveLocals of(MethodNode method) {
        LiveLocals live = new LiveLocals(method);
        live.solve();
        return live;
    }

    /** The slots live just before {@code insn}. */
    BitSet before(AbstractInsnNode insn) {
        return (BitSet) liveIn[insns.indexOf(insn)].clone();
    }

    private void solve() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = liveIn.length - 1; i >= 0; i--) {
                BitSet in = transfer(i);
                if (!in.equals(liveIn[i])) {
                    liveIn[i] = in;
                    changed = true;
                }
            }
        }
    }

    private BitSet transfer(int index) {
        AbstractInsnNode insn = insns.get(index);
        BitSet live = new BitSet();
        if (ControlFlow.fallsThrough(insn) && index + 1 < liveIn.length) {
            live.or(liveIn[index + 1]);
        }
        if (insn instanceof JumpInsnNode jump) {
            live.or(liveAt(jump.label));
        } else if (insn instanceof TableSwitchInsnNode table) {
            live.or(liveAt(table.dflt));
            table.labels.forEach(label -> live.or(liveAt(label)));
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            live.or(liveAt(lookup.dflt));
            lookup.labels.forEach(label -> live.or(liveAt(label)));
        }
        if (insn instanceof VarInsnNode variable) {
            if (isStore(variable.getOpcode())) {
                live.clear(variable.var);
                if (variable.getOpcode() == Opcodes.LSTORE || variable.getOpcode() == Opcodes.DSTORE) {
                    live.clear(variable.var + 1);
                }
            } else {
                live.set(variable.var);
            }
        } else if (insn instanceof IincInsnNode increment) {
            live.set(increment.var);
        }
        for (TryCatchBlockNode block : handlers) {
            int start = insns.indexOf(block.start);
            int end = insns.indexOf(block.end);
            if (start <= index && index < end) {
                live.or(liveAt(block.handler));
            }
        }
        return live;
    }

    private BitSet liveAt(LabelNode label) {
        return liveIn[insns.indexOf(label)];
    }

    private static boolean isStore(int opcode) {
        return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }
}
