package org.coro4j.instrumenter;

import java.util.List;

/**
 * Thrown when a class cannot be instrumented: it misuses {@code @Async} or {@code Await.on}, or it
 * is not a valid class file. Nothing is written for such a class.
 */
public final class InstrumentationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** Creates an exception listing every problem found in one class. */
    public InstrumentationException(List<Problem> problems) {
        super(join(problems));
        this.problems = List.copyOf(problems);
    }

    /** Creates an exception for one problem. */
    public InstrumentationException(Problem problem) {
        this(List.of(problem));
    }

    /** The problems, each formatted by {@link Problem#toString()} as {@code File.java:line: message}. */
    public List<Problem> problems() {
        return problems;
    }

    private static String join(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            if (text.length() > 0) {
                text.append(System.lineSeparator());
            }
            text.append(problem);
        }
        return text.toString();
    }
}
