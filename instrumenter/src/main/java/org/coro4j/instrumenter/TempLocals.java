package org.coro4j.instrumenter;

import java.util.List;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Fresh local slots past those javac used, holding values moved off the operand stack. javac's
 * stack map frames never mention them, so they read as unusable ({@code TOP}) at every frame.
 */
final class TempLocals {
    private final MethodNode method;

    TempLocals(MethodNode method) {
        this.method = method;
    }

    /** Allocates one fresh slot per kind, in order, growing the method's locals. */
    int[] allocate(List<SpillKind> kinds) {
        int[] slots = new int[kinds.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = method.maxLocals;
            method.maxLocals += kinds.get(i).size();
        }
        return slots;
    }

    /** Pops the top {@code kinds.size()} stack values, listed bottom first, into {@code slots}. */
    static InsnList store(List<SpillKind> kinds, int[] slots) {
        InsnList code = new InsnList();
        for (int i = kinds.size() - 1; i >= 0; i--) {
            code.add(new VarInsnNode(kinds.get(i).storeOpcode(), slots[i]));
        }
        return code;
    }

    /** Pushes the values of {@code slots} back, bottom first. */
    static InsnList load(List<SpillKind> kinds, int[] slots) {
        InsnList code = new InsnList();
        for (int i = 0; i < kinds.size(); i++) {
            code.add(new VarInsnNode(kinds.get(i).loadOpcode(), slots[i]));
        }
        return code;
    }
}
