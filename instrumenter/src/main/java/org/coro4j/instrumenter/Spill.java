package org.coro4j.instrumenter;

import org.objectweb.asm.Type;

/**
 * One value kept across a suspension.
 *
 * @param index the local slot, or the position on the operand stack counted from the bottom
 * @param type the value's exact type, as simulated from javac's frames
 * @param field the continuation field that keeps it, or null for a value restored without one: a
 *     value known to be {@code null}, or a stack value that is a copy of a kept local
 * @param copyOf for a stack value that is an unchanged copy of a kept local, that local's slot
 *     (restored by loading it again); -1 otherwise
 */
record Spill(int index, Type type, ContinuationField field, int copyOf) {

    /** A value kept in {@code field} (or, if null, known to be {@code null}). */
    Spill(int index, Type type, ContinuationField field) {
        this(index, type, field, -1);
    }

    /** The value's kind, which chooses its load and store instructions. */
    SpillKind kind() {
        return SpillKind.of(type);
    }
}
