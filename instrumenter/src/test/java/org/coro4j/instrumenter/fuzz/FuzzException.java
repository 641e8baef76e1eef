package org.coro4j.instrumenter.fuzz;

/** The unchecked exception generated programs throw, catch and await. */
public final class FuzzException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public FuzzException(String message) {
        super(message);
    }
}
