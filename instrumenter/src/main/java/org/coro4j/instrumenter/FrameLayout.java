package org.coro4j.instrumenter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The fields of one continuation frame class: one typed field per local slot and kind that must
 * survive a suspension (named {@code i3}, {@code a5}, ...), plus {@code self} for instance methods.
 * The arguments are kept in the same fields until the body starts. Only locals that are live at a
 * suspension point get a field.
 */
final class FrameLayout {
    static final String SELF = "self";

    private final Map<String, SpillKind> fields = new LinkedHashMap<>();
    private final int firstSpilledSlot;

    FrameLayout(boolean isStatic) {
        this.firstSpilledSlot = isStatic ? 0 : 1;
    }

    /** Reserves the fields for the arguments of {@code descriptor}. */
    void addArguments(String descriptor) {
        int slot = firstSpilledSlot;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            add(slot, kindOf(argument));
            slot += argument.getSize();
        }
    }

    /** Reserves the fields for every live local that holds a value at {@code site}. */
    void addLocals(AwaitSite site) {
        for (int slot = firstSpilledSlot; slot < site.frame().getLocals(); slot++) {
            SpillKind kind = spillKindAt(site, slot);
            if (kind != null) {
                add(slot, kind);
            }
        }
    }

    /** Whether local {@code slot} is kept in a field across a suspension at {@code site}, and how; null if not. */
    SpillKind spillKindAt(AwaitSite site, int slot) {
        if (slot < firstSpilledSlot || !site.live().get(slot)) {
            return null;
        }
        BasicValue value = site.frame().getLocal(slot);
        if (value instanceof UninitializedValue || isNull(value)) {
            return null;
        }
        return SpillKind.of(value);
    }

    /** Whether local {@code slot} is known to hold {@code null}: restored as a constant, never stored. */
    static boolean isNull(BasicValue value) {
        return value.getType() != null && value.getType().equals(ExactTypeInterpreter.NULL.getType());
    }

    /** The frame's fields by name. */
    Map<String, SpillKind> fields() {
        return fields;
    }

    /** The first local slot that is spilled: 1 in instance methods, whose slot 0 is {@code this}. */
    int firstSpilledSlot() {
        return firstSpilledSlot;
    }

    private void add(int slot, SpillKind kind) {
        fields.put(kind.fieldName(slot), kind);
    }

    static SpillKind kindOf(Type type) {
        return SpillKind.of(new ExactTypeInterpreter().newValue(type));
    }

    static boolean isStatic(int access) {
        return (access & Opcodes.ACC_STATIC) != 0;
    }
}
