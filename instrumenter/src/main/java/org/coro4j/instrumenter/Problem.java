package org.coro4j.instrumenter;

/**
 * One misuse found while instrumenting a class: where it is and what is wrong.
 *
 * @param sourceFile the class's {@code SourceFile} attribute (for example {@code Demo.java}), or the
 *     class's internal name with {@code .class} when the attribute is missing
 * @param line the source line, or 0 when the class has no line numbers there
 * @param message what is wrong, in words a user understands
 */
public record Problem(String sourceFile, int line, String message) {

    /** Formats the problem as {@code File.java:line: message}, javac's own format. */
    @Override
    public String toString() {
        return sourceFile + ":" + line + ": " + message;
    }
}
