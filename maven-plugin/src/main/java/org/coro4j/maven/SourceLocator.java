package org.coro4j.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coro4j.instrumenter.Problem;

/**
 * Turns a {@link Problem}, which names only the source file ({@code Demo.java}), into the line
 * javac would print: {@code src/main/java/com/acme/Demo.java:12: message}, relative to the project
 * directory so that terminals and IDEs link it. A problem with a method's declaration is put on the
 * line that declares the method, found in the source file.
 */
final class SourceLocator {

    private static final Pattern LAST_WORD = Pattern.compile("[\\w$]+$");
    private static final List<String> NOT_A_TYPE = List.of("return", "new", "throw", "else", "case", "yield", "assert", "do");

    private final Path baseDirectory;
    private final List<Path> sourceRoots;

    /**
     * Creates a locator.
     *
     * @param baseDirectory the project directory paths are made relative to
     * @param sourceRoots the compile source roots searched for the source file
     */
    SourceLocator(Path baseDirectory, List<Path> sourceRoots) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        this.sourceRoots = sourceRoots;
    }

    /**
     * Formats a problem found in the class with internal name {@code className}
     * ({@code com/acme/Demo}); falls back to the bare source file name when no source root has it,
     * and to the problem's own line when the source does not show the declaration it is about.
     */
    String describe(String className, Problem problem) {
        Path source = sourceFile(className, problem.sourceFile());
        if (source == null) {
            return problem.format(problem.sourceFile());
        }
        Problem located = problem.declaration() == null ? problem : locate(problem, source);
        return located.format(display(source));
    }

    private Path sourceFile(String className, String sourceFile) {
        int slash = className.lastIndexOf('/');
        String packageDirectory = slash < 0 ? "" : className.substring(0, slash);
        for (Path root : sourceRoots) {
            Path candidate = root.toAbsolutePath().normalize().resolve(packageDirectory).resolve(sourceFile);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The problem at the last line of its declaration's range where the method's name is declared:
     * followed by {@code (} and preceded by a type or a modifier (an identifier that is not a keyword
     * such as {@code return} or {@code new}, or {@code >} or {@code ]}), on its line or the closest
     * line of code before it (see {@link #declaresAtLineStart}); comments and calls do not count.
     */
    private static Problem locate(Problem problem, Path source) {
        List<String> lines = readLines(source);
        if (lines == null) {
            return problem;
        }
        Problem.Declaration declaration = problem.declaration();
        Pattern named = Pattern.compile("(?<![\\w$.#])" + Pattern.quote(declaration.name()) + "\\s*\\(");
        int last = Math.min(declaration.lastLine(), lines.size());
        for (int line = last; line >= declaration.firstLine(); line--) {
            String code = code(lines.get(line - 1));
            Matcher matcher = named.matcher(code);
            while (matcher.find()) {
                String before = code.substring(0, matcher.start()).stripTrailing();
                boolean declared = before.isEmpty()
                        ? declaresAtLineStart(codeBefore(lines, line), code.substring(matcher.end()))
                        : declares(before);
                if (declared) {
                    return problem.at(line);
                }
            }
        }
        return problem;
    }

    /** Whether code ending in {@code before} can be followed by a declared name. */
    private static boolean declares(String before) {
        if (before.endsWith(">") || before.endsWith("]")) {
            return true;
        }
        Matcher word = LAST_WORD.matcher(before);
        return word.find() && !NOT_A_TYPE.contains(word.group());
    }

    /**
     * Whether a name at the start of a line is declared there: after a line ending in a type or
     * modifier, or after the end of a statement or block when what follows it on the line does not
     * end a statement (a constructor without modifiers, not a call).
     */
    private static boolean declaresAtLineStart(String previousLine, String after) {
        if (previousLine.isEmpty() || previousLine.endsWith(";") || previousLine.endsWith("{") || previousLine.endsWith("}")) {
            return !after.stripTrailing().endsWith(";");
        }
        return declares(previousLine);
    }

    /** The code of the closest line before line {@code line} (1-based) that has any, or "". */
    private static String codeBefore(List<String> lines, int line) {
        for (int i = line - 1; i >= 1; i--) {
            String code = code(lines.get(i - 1)).stripTrailing();
            if (!code.isBlank()) {
                return code;
            }
        }
        return "";
    }

    /** A line without its {@code //} comment, or "" for a line of a block or javadoc comment. */
    private static String code(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("*") || trimmed.startsWith("/*")) {
            return "";
        }
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static List<String> readLines(Path source) {
        try {
            return Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** A path relative to the project directory when it lies inside it, else absolute; with {@code /}. */
    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
