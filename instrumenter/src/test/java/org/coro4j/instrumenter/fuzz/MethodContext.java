package org.coro4j.instrumenter.fuzz;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state of the method body being generated: the variables in scope, the enclosing loops (for
 * {@code break} and {@code continue}), the return type, how many statements may still be written
 * and how deeply they nest (there is no limit on the number of awaits), and what an await needs to be allowed where the generator stands (for
 * example {@link Construct#AWAIT_IN_CATCH} inside a {@code catch} block).
 */
final class MethodContext {
    private final ValueType returnType;
    private final boolean instance;
    private final Scope scope = new Scope();
    private Deque<String> loops = new ArrayDeque<>();
    private Set<Construct> awaitNeeds = EnumSet.noneOf(Construct.class);
    private boolean returnAllowed = true;
    private int budget;
    private int depth;

    /**
     * A body returning {@code returnType} with room for {@code budget} statements; an
     * {@code instance} body is that of an instance helper, or a lambda inside one, and calls the
     * other instance helpers of its class through {@code this}.
     */
    MethodContext(ValueType returnType, int budget, boolean instance) {
        this.returnType = returnType;
        this.budget = budget;
        this.instance = instance;
    }

    ValueType returnType() {
        return returnType;
    }

    /** Whether this is the body of an instance helper, or of a lambda inside one. */
    boolean instance() {
        return instance;
    }

    Scope scope() {
        return scope;
    }

    /** Labels of the enclosing loops, innermost first; unlabelled loops are the empty string. */
    Deque<String> loops() {
        return loops;
    }

    /** Whether a statement may still be written, counting it if so. */
    boolean spend() {
        return budget-- > 0;
    }

    int depth() {
        return depth;
    }

    void enter() {
        depth++;
    }

    void leave() {
        depth--;
    }

    /** What an await needs here besides the needs of its own expression position. */
    Set<Construct> awaitNeeds() {
        return awaitNeeds;
    }

    /** Sets the needs of awaits from here on; returns the previous ones, to restore. */
    Set<Construct> needAlso(Construct construct) {
        Set<Construct> previous = awaitNeeds;
        Set<Construct> next = EnumSet.noneOf(Construct.class);
        next.addAll(previous);
        next.add(construct);
        awaitNeeds = next;
        return previous;
    }

    void restoreNeeds(Set<Construct> previous) {
        awaitNeeds = previous;
    }

    boolean returnAllowed() {
        return returnAllowed;
    }

    /**
     * Enters a region that no jump or return may leave (a switch expression); returns what to pass
     * to {@link #leaveClosedRegion}.
     */
    Deque<String> enterClosedRegion() {
        Deque<String> previous = loops;
        loops = new ArrayDeque<>();
        returnAllowed = false;
        return previous;
    }

    void leaveClosedRegion(Deque<String> previous, boolean previousReturnAllowed) {
        loops = previous;
        returnAllowed = previousReturnAllowed;
    }
}
