package org.coro4j.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/** An object created by {@code NEW} whose constructor has not run yet; javac's frames name it by the label of its {@code NEW}. */
final class UninitializedValue extends BasicValue {
    private final LabelNode newLabel;

    UninitializedValue(Type type, LabelNode newLabel) {
        super(type);
        this.newLabel = newLabel;
    }

    /** The label right before the {@code NEW} instruction, as stack map frames refer to it. */
    LabelNode newLabel() {
        return newLabel;
    }

    /** The {@code NEW} instruction that created this value. */
    TypeInsnNode newInsn() {
        return newInsnAt(newLabel);
    }

    /** The {@code NEW} instruction a stack map frame's uninitialised type {@code label} refers to. */
    static TypeInsnNode newInsnAt(LabelNode label) {
        AbstractInsnNode node = label.getNext();
        while (node.getOpcode() != Opcodes.NEW) {
            if (node.getOpcode() >= 0) {
                throw new IllegalStateException("uninitialised type whose label is not at a NEW instruction");
            }
            node = node.getNext();
        }
        return (TypeInsnNode) node;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
