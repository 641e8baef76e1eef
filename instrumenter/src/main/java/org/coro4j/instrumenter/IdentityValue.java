package org.coro4j.instrumenter;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;

/** A simulated value that stands for one value of the program: equal only to itself, not to every value of its type. */
abstract class IdentityValue extends BasicValue {
    IdentityValue(Type type) {
        super(type);
    }

    @Override
    public final boolean equals(Object other) {
        return this == other;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }
}
