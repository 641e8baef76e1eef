package org.coro4j.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coro4j.instrumenter.Problem;

/**
 * Turns a {@link Problem}, which names only the source file ({@code Demo.java}), into the line
 * javac would print: {@code src/main/java/com/acme/Demo.java:12: message}, relative to the project
 * directory so that terminals and IDEs link it.
 */
final class SourceLocator {

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
     * ({@code com/acme/Demo}); falls back to the bare source file name when no source root has it.
     */
    String describe(String className, Problem problem) {
        return problem.format(sourcePath(className, problem.sourceFile()));
    }

    private String sourcePath(String className, String sourceFile) {
        int slash = className.lastIndexOf('/');
        String packageDirectory = slash < 0 ? "" : className.substring(0, slash);
        for (Path root : sourceRoots) {
            Path candidate = root.toAbsolutePath().normalize().resolve(packageDirectory).resolve(sourceFile);
            if (Files.isRegularFile(candidate)) {
                return display(candidate);
            }
        }
        return sourceFile;
    }

    /** A path relative to the project directory when it lies inside it, else absolute; with {@code /}. */
    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
