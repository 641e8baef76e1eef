package org.coro4j.instrumenter;

/**
 * A class file that fails the JVM verifier exactly as its compiler wrote it, before any
 * instrumentation: a bug of that compiler, which no instrumenter can be asked to repair.
 */
public final class UnverifiableInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code internalName}, compiled by {@code compiler}, was rejected with {@code error}. */
    UnverifiableInputException(String internalName, TestCompiler compiler, VerifyError error) {
        super(internalName + ".class as compiled by " + compiler + " does not pass the JVM verifier, before instrumentation:"
                + " the compiler's output is invalid, not coro4j's (" + error.getMessage() + ")", error);
    }
}
