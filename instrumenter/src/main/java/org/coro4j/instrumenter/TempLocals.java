package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Local slots past those javac used, holding values for a moment while code is reordered. Each
 * use stores and reloads its values with no await in between, so the slots of one kind are reused
 * by every use. javac's stack map frames never mention them, so they read as unusable ({@code TOP})
 * at every frame.
 */
final class TempLocals {
    private final MethodNode method;
    private final Map<SpillKind, List<Integer>> slots = new EnumMap<>(SpillKind.class);

    TempLocals(MethodNode method) {
        this.method = method;
    }

    /** One slot per kind, in order: the n-th of a kind is the same slot at every use. */
    int[] allocate(List<SpillKind> kinds) {
        int[] allocated = new int[kinds.size()];
        Map<SpillKind, Integer> used = new EnumMap<>(SpillKind.class);
        for (int i = 0; i < allocated.length; i++) {
            SpillKind kind = kinds.get(i);
            int n = used.merge(kind, 1, Integer::sum) - 1;
            List<Integer> ofKind = slots.computeIfAbsent(kind, key -> new ArrayList<>());
            if (n == ofKind.size()) {
                ofKind.add(method.maxLocals);
                method.maxLocals += kind.size();
            }
            allocated[i] = ofKind.get(n);
        }
        return allocated;
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
