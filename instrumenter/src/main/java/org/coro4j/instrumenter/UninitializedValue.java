package org.coro4j.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** An object created by {@code NEW} whose constructor has not run yet, known by its {@code NEW} instruction. */
final class UninitializedValue extends IdentityValue {
    private final TypeInsnNode newInsn;

    UninitializedValue(TypeInsnNode newInsn) {
        super(Type.getObjectType(newInsn.desc));
        this.newInsn = newInsn;
    }

    /** The {@code NEW} instruction that created this value. */
    TypeInsnNode newInsn() {
        return newInsn;
    }

    /**
     * The label right before the {@code NEW} instruction, as stack map frames refer to it. javac
     * puts one there whenever one of its frames names the object; no other frame needs one.
     */
    LabelNode newLabel() {
        for (AbstractInsnNode node = newInsn.getPrevious(); node != null && node.getOpcode() < 0; node = node.getPrevious()) {
            if (node instanceof LabelNode label) {
                return label;
            }
        }
        throw new IllegalStateException("no frame may name an object under construction that javac's frames do not name");
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
}
