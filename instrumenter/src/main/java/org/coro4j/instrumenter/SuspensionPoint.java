package org.coro4j.instrumenter;

import java.util.List;

/**
 * What one {@code Await.on} keeps when it suspends, and how the code goes on after it resumes.
 *
 * @param site the await
 * @param label the point's number, from 1: the continuation's {@code label} while suspended here
 * @param locals the live locals kept, by slot
 * @param stack the operand-stack values pending below the awaitable that the point keeps or
 *     restores, bottom first
 * @param reloaded the values pending above those, bottom first: copies of kept locals, whose loads
 *     move to after the await call (they are loaded again there, below its result)
 * @param clears the reference fields that may still hold a value kept at an earlier suspension
 *     (or an argument) and that this suspension does not overwrite: set to {@code null}, so that a
 *     suspended coroutine keeps no object it will not read again
 * @param frameLocals the stack map frame locals after the await, each dead local {@code TOP}
 * @param frameStack the stack map frame types of {@link #stack}
 */
record SuspensionPoint(AwaitSite site, int label, List<Spill> locals, List<Spill> stack, List<Spill> reloaded, List<ContinuationField> clears,
        List<Object> frameLocals, List<Object> frameStack) {

    /** Whether this point keeps or clears any field for its locals. */
    boolean keepsLocals() {
        return !locals.isEmpty() || !clears.isEmpty();
    }

    /**
     * Everything the code that saves and restores this point's pending values depends on: points
     * of one shape with equal layouts share that code too. Empty when nothing is pending.
     */
    String layout() {
        return layoutOf(stack);
    }

    /** The {@link #layout()} of a point whose pending values are kept as {@code stack}. */
    static String layoutOf(List<Spill> stack) {
        StringBuilder text = new StringBuilder();
        for (Spill spill : stack) {
            text.append(spill.type().getDescriptor()).append('=')
                    .append(spill.field() != null ? spill.field().name() : spill.copyOf() >= 0 ? "local" + spill.copyOf() : "null").append(',');
        }
        return text.toString();
    }

    /**
     * Everything the code that saves and restores this point's locals depends on: points with equal
     * shapes share that code (each still saves and restores its pending stack values itself).
     */
    String shape() {
        StringBuilder text = new StringBuilder();
        for (Spill spill : locals) {
            text.append(spill.index()).append('=').append(spill.field() == null ? "null" : spill.field().name()).append(',');
        }
        text.append('|');
        clears.forEach(field -> text.append(field.name()).append(','));
        text.append('|').append(frameLocals);
        return text.toString();
    }
}
