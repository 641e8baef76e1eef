package org.coro4j.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.InstrumentedClass;
import org.coro4j.instrumenter.Problem;

/**
 * Instruments the class files of one classes directory in place: each selected file that changed
 * since the last run is read, transformed, and replaced (together with its new continuation
 * classes) atomically, with the file permissions javac gave it. Problems are collected for the whole directory, so that one build lists all
 * of them; a class with problems is left as javac wrote it.
 */
final class DirectoryInstrumenter {

    private static final String CLASS_SUFFIX = ".class";

    private final ClassTransform transform;
    private final ClassFileFilter filter;
    private final SourceLocator locator;
    private final Consumer<String> detail;

    /**
     * Creates an instrumenter for directories.
     *
     * @param transform instruments one class file
     * @param filter selects the class files to look at
     * @param locator maps problems to source paths
     * @param detail receives one line per class file written (verbose output)
     */
    DirectoryInstrumenter(ClassTransform transform, ClassFileFilter filter, SourceLocator locator, Consumer<String> detail) {
        this.transform = transform;
        this.filter = filter;
        this.locator = locator;
        this.detail = detail;
    }

    /** Instruments {@code classesDirectory}, skipping what {@code state} says is unchanged, and updates it. */
    RunSummary run(Path classesDirectory, InstrumentationState state) throws IOException {
        List<String> paths = classFiles(classesDirectory);
        state.retainOnly(new HashSet<>(paths));
        Set<String> written = new HashSet<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int methods = 0;
        int classes = 0;
        int unchanged = 0;
        for (String path : paths) {
            Path file = classesDirectory.resolve(path);
            if (written.contains(path) || !Files.isRegularFile(file)) {
                continue;
            }
            FileStamp stamp = FileStamp.of(file);
            if (state.isUnchanged(path, stamp)) {
                unchanged++;
                continue;
            }
            InstrumentedClass result;
            try {
                result = transform.instrument(Files.readAllBytes(file), locator.display(file));
            } catch (InstrumentationException e) {
                String className = path.substring(0, path.length() - CLASS_SUFFIX.length());
                for (Problem problem : e.problems()) {
                    errors.add(locator.describe(className, problem));
                }
                state.forget(path);
                continue;
            } catch (RuntimeException e) {
                errors.add(locator.display(file) + ": cannot be instrumented (" + e + ")");
                state.forget(path);
                continue;
            }
            if (!result.changed()) {
                state.record(path, stamp);
                continue;
            }
            for (Problem warning : result.warnings()) {
                warnings.add(locator.describe(result.className(), warning));
            }
            for (Map.Entry<String, byte[]> entry : result.classes().entrySet()) {
                String output = entry.getKey() + CLASS_SUFFIX;
                Path target = classesDirectory.resolve(output);
                AtomicFiles.write(target, entry.getValue(), file);
                state.record(output, FileStamp.of(target));
                written.add(output);
            }
            classes++;
            methods += result.coroutineMethods();
            detail.accept("coro4j: " + path + ": " + result.coroutineMethods() + " coroutine methods, wrote "
                    + String.join(", ", result.classes().keySet()));
        }
        return new RunSummary(methods, classes, unchanged, List.copyOf(errors), List.copyOf(warnings));
    }

    private List<String> classFiles(Path classesDirectory) throws IOException {
        if (!Files.isDirectory(classesDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> classesDirectory.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> path.endsWith(CLASS_SUFFIX) && filter.accepts(path))
                    .sorted()
                    .toList();
        }
    }
}
