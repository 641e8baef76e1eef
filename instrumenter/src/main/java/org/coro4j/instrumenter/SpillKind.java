package org.coro4j.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;

/** The JVM kind of a value kept in a continuation field: its load and store instructions. */
enum SpillKind {
    INT('i', Opcodes.ILOAD, Opcodes.ISTORE),
    LONG('j', Opcodes.LLOAD, Opcodes.LSTORE),
    FLOAT('f', Opcodes.FLOAD, Opcodes.FSTORE),
    DOUBLE('d', Opcodes.DLOAD, Opcodes.DSTORE),
    REFERENCE('a', Opcodes.ALOAD, Opcodes.ASTORE);

    private final char prefix;
    private final int load;
    private final int store;

    SpillKind(char prefix, int load, int store) {
        this.prefix = prefix;
        this.load = load;
        this.store = store;
    }

    /** The kind of a simulated value, or null for an unusable slot (the second half of a long, say). */
    static SpillKind of(BasicValue value) {
        Type type = value.getType();
        return type == null ? null : of(type);
    }

    /** The kind of values of {@code type}, or null for {@code void}. */
    static SpillKind of(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> INT;
            case Type.LONG -> LONG;
            case Type.FLOAT -> FLOAT;
            case Type.DOUBLE -> DOUBLE;
            case Type.OBJECT, Type.ARRAY -> REFERENCE;
            default -> null;
        };
    }

    /** The descriptor of a field keeping a value of {@code type} of this kind: the exact type for references. */
    String fieldDescriptor(Type type) {
        return switch (this) {
            case INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            case REFERENCE -> type.getDescriptor();
        };
    }

    /** The first letter of the names of this kind's fields. */
    char prefix() {
        return prefix;
    }

    /** How many local slots a value of this kind takes. */
    int size() {
        return this == LONG || this == DOUBLE ? 2 : 1;
    }

    int loadOpcode() {
        return load;
    }

    int storeOpcode() {
        return store;
    }
}
