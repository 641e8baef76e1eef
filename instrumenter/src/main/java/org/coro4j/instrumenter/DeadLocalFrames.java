package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Marks {@code TOP} every local that javac's stack map frames list but that is dead there (not read
 * before being written on any path on). The verifier then needs no value in it, so a resumed body
 * never has to fill a local it will not read, and the simulated frames at each await see exactly
 * what the verifier sees. The first slots ({@code this}, the continuation) stay as they are.
 * Changes frames only, never instructions.
 */
final class DeadLocalFrames {
    private DeadLocalFrames() {
    }

    /** Marks the dead locals of {@code method}'s frames, from slot {@code firstSlot} on. */
    static void mark(MethodNode method, LiveLocals live, int firstSlot) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode frame) {
                BitSet alive = live.before(frame);
                List<Object> locals = new ArrayList<>();
                int slot = 0;
                for (Object type : frame.local) {
                    boolean wide = type == Opcodes.LONG || type == Opcodes.DOUBLE;
                    if (type == Opcodes.TOP || alive.get(slot) || slot < firstSlot) {
                        locals.add(type);
                    } else {
                        locals.add(Opcodes.TOP);
                        if (wide) {
                            locals.add(Opcodes.TOP);
                        }
                    }
                    slot += wide ? 2 : 1;
                }
                frame.local = locals;
            }
        }
    }
}
