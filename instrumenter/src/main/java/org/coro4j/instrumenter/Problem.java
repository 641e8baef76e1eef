package org.coro4j.instrumenter;

/**
 * One problem found while instrumenting a class (a misuse, or a file that is not a valid class
 * file): where it is and what is wrong.
 *
 * @param sourceFile the class's {@code SourceFile} attribute (for example {@code Demo.java}), or the
 *     class's internal name with {@code .class} when the attribute is missing; for a problem with the
 *     class file itself, the file's path as the caller named it
 * @param line the source line, or 0 when there is none (no line numbers there, or a problem with
 *     the whole file); for a problem with a method's declaration, the line estimated from the class
 *     file (see {@link Declaration})
 * @param message what is wrong, in words a user understands
 * @param declaration for a problem with a method's declaration, where a caller that has the source
 *     file can find the declaration's exact line; otherwise {@code null}
 */
public record Problem(String sourceFile, int line, String message, Declaration declaration) {

    /** A problem at {@code line} that is not about a declaration. */
    public Problem(String sourceFile, int line, String message) {
        this(sourceFile, line, message, null);
    }

    /**
     * Where a method is declared, as far as its class file tells: class files record the lines of
     * statements, not of declarations, so the declaration lies somewhere in a range of lines.
     *
     * @param name the name as written in the source: the method's name, or the simple name of its
     *     class for a constructor
     * @param firstLine the first line the declaration can be on (1 or later)
     * @param lastLine the last line it can be on; the declaration is the last one of {@code name} in
     *     the range ({@link Integer#MAX_VALUE} when the range runs to the end of the file)
     */
    public record Declaration(String name, int firstLine, int lastLine) {}

    /** A problem at the same place (and the same declaration, if any) that says {@code otherMessage}. */
    public Problem saying(String otherMessage) {
        return new Problem(sourceFile, line, otherMessage, declaration);
    }

    /** The same problem at {@code exactLine}, no longer needing its declaration looked up. */
    public Problem at(int exactLine) {
        return new Problem(sourceFile, exactLine, message);
    }

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
