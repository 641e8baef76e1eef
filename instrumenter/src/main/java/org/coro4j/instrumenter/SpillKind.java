package org.coro4j.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;

/** How a local is kept in a continuation frame: one field type per JVM value kind. */
enum SpillKind {
    INT('i', "I", Opcodes.ILOAD, Opcodes.ISTORE, Opcodes.ICONST_0),
    LONG('j', "J", Opcodes.LLOAD, Opcodes.LSTORE, Opcodes.LCONST_0),
    FLOAT('f', "F", Opcodes.FLOAD, Opcodes.FSTORE, Opcodes.FCONST_0),
    DOUBLE('d', "D", Opcodes.DLOAD, Opcodes.DSTORE, Opcodes.DCONST_0),
    REFERENCE('a', "Ljava/lang/Object;", Opcodes.ALOAD, Opcodes.ASTORE, Opcodes.ACONST_NULL);

    private final char prefix;
    private final String descriptor;
    private final int load;
    private final int store;
    private final int zero;

    SpillKind(char prefix, String descriptor, int load, int store, int zero) {
        this.prefix = prefix;
        this.descriptor = descriptor;
        this.load = load;
        this.store = store;
        this.zero = zero;
    }

    /** The kind of a simulated value, or null for an unusable slot (the second half of a long, say). */
    static SpillKind of(BasicValue value) {
        Type type = value.getType();
        if (type == null) {
            return null;
        }
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> INT;
            case Type.LONG -> LONG;
            case Type.FLOAT -> FLOAT;
            case Type.DOUBLE -> DOUBLE;
            case Type.OBJECT, Type.ARRAY -> REFERENCE;
            default -> null;
        };
    }

    /** The frame field that keeps local {@code slot} of this kind, e.g. {@code i3}. */
    String fieldName(int slot) {
        return prefix + Integer.toString(slot);
    }

    /** How many local slots a value of this kind takes. */
    int size() {
        return this == LONG || this == DOUBLE ? 2 : 1;
    }

    String descriptor() {
        return descriptor;
    }

    int loadOpcode() {
        return load;
    }

    int storeOpcode() {
        return store;
    }

    /** The instruction that pushes this kind's zero: {@code 0}, {@code 0L}, {@code 0f}, {@code 0d} or {@code null}. */
    int zeroOpcode() {
        return zero;
    }
}
