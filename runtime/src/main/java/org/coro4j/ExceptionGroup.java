package org.coro4j;

import java.util.List;

/**
 * Several exceptions raised together, as by a {@link TaskGroup} whose tasks failed
 * [Python: {@code ExceptionGroup}]. Each is also attached as a suppressed exception so that stack
 * traces show them.
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Throwable> exceptions;

    /** Creates a group of {@code exceptions}, which must not be empty. */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
        }
        this.exceptions = List.copyOf(exceptions);
        for (Throwable exception : this.exceptions) {
            addSuppressed(exception);
        }
    }

    /** The exceptions in the group, in the order they were raised [Python: {@code exceptions}]. */
    public List<Throwable> getExceptions() {
        return exceptions;
    }
}
