package org.coro4j.instrumenter.fuzz;

/** A checked exception that generated programs receive from failed futures and catch as {@code Exception}. */
public final class FuzzCheckedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public FuzzCheckedException(String message) {
        super(message);
    }
}
