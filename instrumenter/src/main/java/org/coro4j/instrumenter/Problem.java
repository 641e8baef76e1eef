package org.coro4j.instrumenter;

/**
 * One problem found while instrumenting a class (a misuse, or a file that is not a valid class
 * file): where it is and what is wrong.
 *
 * @param sourceFile the class's {@code SourceFile} attribute (for example {@code Demo.java}), or the
 *     class's internal name with {@code .class} when the attribute is missing; for a problem with the
 *     class file itself, the file's path as the caller named it
 * @param line the source line, or 0 when there is none (no line numbers there, or a problem with
 *     the whole file)
 * @param message what is wrong, in words a user understands
 */
public record Problem(String sourceFile, int line, String message) {

    /**
     * Formats the problem as {@code File.java:line: message}, javac's own format, or as
     * {@code File: message} when there is no line.
     */
    @Override
    public String toString() {
        return format(sourceFile);
    }

    /** Formats the problem as {@link #toString()} does, naming the file {@code path} instead. */
    public String format(String path) {
        return line > 0 ? path + ":" + line + ": " + message : path + ": " + message;
    }
}
