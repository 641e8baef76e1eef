package org.coro4j.instrumenter;

import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * A value pushed by loading a local: as long as the local still holds {@code source}, the value on
 * the stack is a copy of it, and can be restored by loading the local again instead of being kept.
 */
final class LoadedValue extends IdentityValue {
    private final VarInsnNode load;
    private final BasicValue source;

    LoadedValue(BasicValue source, VarInsnNode load) {
        super(source.getType());
        this.load = load;
        this.source = source;
    }

    /** The local slot loaded. */
    int slot() {
        return load.var;
    }

    /** The instruction that pushed this value. */
    VarInsnNode load() {
        return load;
    }

    /** The value the local held when it was loaded: the copy is exact while the local still holds it. */
    BasicValue source() {
        return source;
    }
}
