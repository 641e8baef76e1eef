package org.coro4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.InstrumentedClass;
import org.coro4j.instrumenter.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the directory walk with a stand-in transform whose behaviour is spelled out in each
 * class file's text: {@code plain} and what it wrote itself need nothing, {@code async NAME} is
 * rewritten with one continuation class, {@code misuse} has two problems, {@code crash} breaks the
 * transform, and anything else is not a class file.
 */
class DirectoryInstrumenterTest {

    @TempDir
    Path project;

    private Path classes;
    private Path stateFile;
    private final List<String> transformed = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    @BeforeEach
    void layout() throws Exception {
        classes = project.resolve("target/classes");
        stateFile = project.resolve("target/coro4j/instrument.state");
        Files.createDirectories(project.resolve("src/main/java/com/acme"));
        Files.writeString(project.resolve("src/main/java/com/acme/Bad.java"), "");
        write("com/acme/Plain.class", "plain");
        write("com/acme/Demo.class", "async com/acme/Demo");
        write("com/acme/Other.class", "async com/acme/Other");
    }

    @Test
    void rewritesCoroutineClassesAndWritesTheirContinuations() throws Exception {
        RunSummary summary = run(List.of(), List.of());

        assertEquals(new RunSummary(4, 2, 0, List.of()), summary);
        assertEquals("instrumented com/acme/Demo", read("com/acme/Demo.class"));
        assertEquals("continuation of com/acme/Demo", read("com/acme/Demo$Coro0.class"));
        assertEquals("plain", read("com/acme/Plain.class"));
        assertEquals(2, details.size());
        assertTrue(details.get(0).startsWith("coro4j: com/acme/Demo.class: 2 coroutine methods"));
    }

    @Test
    void aSecondRunReadsNothingAndARecompiledClassIsDoneAgain() throws Exception {
        run(List.of(), List.of());
        transformed.clear();

        assertEquals(new RunSummary(0, 0, 5, List.of()), run(List.of(), List.of()));
        assertEquals(List.of(), transformed);

        write("com/acme/Other.class", "async com/acme/Other");
        Files.setLastModifiedTime(classes.resolve("com/acme/Other.class"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(new RunSummary(2, 1, 4, List.of()), run(List.of(), List.of()));
        assertEquals(List.of("async com/acme/Other"), transformed);
    }

    @Test
    void aStateLostWithTheClassesStillInstrumentedWritesNothing() throws Exception {
        run(List.of(), List.of());
        Files.delete(stateFile);
        transformed.clear();

        RunSummary summary = run(List.of(), List.of());

        assertEquals(new RunSummary(0, 0, 0, List.of()), summary);
        assertEquals(5, transformed.size());
    }

    @Test
    void includesAndExcludesSelectTheFiles() throws Exception {
        RunSummary summary = run(List.of("com/**"), List.of("**/Other.class"));

        assertEquals(new RunSummary(2, 1, 0, List.of()), summary);
        assertEquals("async com/acme/Other", read("com/acme/Other.class"));
    }

    @Test
    void everyProblemIsListedWithItsSourcePathAndTheClassIsLeftAlone() throws Exception {
        write("com/acme/Bad.class", "misuse");
        write("com/acme/Broken.class", "\u00ca\u00fe");
        write("com/acme/Crash.class", "crash");

        RunSummary summary = run(List.of(), List.of());

        assertEquals(List.of(
                "src/main/java/com/acme/Bad.java:7: Await.on is called outside an @Async method",
                "src/main/java/com/acme/Bad.java:9: second problem",
                "target/classes/com/acme/Broken.class: not a valid class file (java.lang.IllegalArgumentException: bad magic)",
                "target/classes/com/acme/Crash.class: cannot be instrumented (java.lang.IllegalStateException: unexpected)"),
                summary.errors());
        assertEquals("misuse", read("com/acme/Bad.class"));
        assertEquals(2, summary.classes());

        transformed.clear();
        run(List.of(), List.of());
        assertEquals(3, transformed.size(), "classes with problems are read again next time");
    }

    @Test
    void warningsAreListedWithTheirSourcePathAndCountedInTheSummaryLine() throws Exception {
        write("com/acme/Huge.class", "huge com/acme/Bad");

        RunSummary summary = run(List.of(), List.of());

        assertEquals(List.of("src/main/java/com/acme/Bad.java:5: warning: coroutine run() is 9,120 bytes once instrumented;"
                + " HotSpot does not JIT-compile methods over 8,000 bytes: split it"), summary.warnings());
        assertEquals(List.of(), summary.errors());
        assertEquals("coro4j: instrumented 7 methods in 3 classes (12 ms), 1 warning", summary.line(12));
        assertEquals("instrumented com/acme/Bad", read("com/acme/Bad.class"));
    }

    private RunSummary run(List<String> includes, List<String> excludes) throws Exception {
        SourceLocator locator = new SourceLocator(project, List.of(project.resolve("src/main/java")));
        DirectoryInstrumenter instrumenter = new DirectoryInstrumenter(this::fakeInstrument,
                new ClassFileFilter(includes, excludes), locator, details::add);
        InstrumentationState state = InstrumentationState.load(stateFile);
        RunSummary summary = instrumenter.run(classes, state);
        state.save();
        return summary;
    }

    private InstrumentedClass fakeInstrument(byte[] classFile) throws InstrumentationException {
        String text = new String(classFile, StandardCharsets.UTF_8);
        transformed.add(text);
        if (text.equals("plain") || text.startsWith("instrumented") || text.startsWith("continuation")) {
            return new InstrumentedClass("x", Map.of(), 0);
        }
        if (text.startsWith("async ")) {
            String name = text.substring("async ".length());
            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put(name, ("instrumented " + name).getBytes(StandardCharsets.UTF_8));
            out.put(name + "$Coro0", ("continuation of " + name).getBytes(StandardCharsets.UTF_8));
            return new InstrumentedClass(name, out, 2);
        }
        if (text.startsWith("huge ")) {
            String name = text.substring("huge ".length());
            return new InstrumentedClass(name, Map.of(name, ("instrumented " + name).getBytes(StandardCharsets.UTF_8)), 3, List.of(),
                    List.of(new Problem("Bad.java", 5, "warning: coroutine run() is 9,120 bytes once instrumented;"
                            + " HotSpot does not JIT-compile methods over 8,000 bytes: split it")));
        }
        if (text.equals("misuse")) {
            throw new InstrumentationException(List.of(
                    new Problem("Bad.java", 7, "Await.on is called outside an @Async method"),
                    new Problem("Bad.java", 9, "second problem")));
        }
        if (text.equals("crash")) {
            throw new IllegalStateException("unexpected");
        }
        throw new IllegalArgumentException("bad magic");
    }

    private void write(String path, String content) throws Exception {
        Path file = classes.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String read(String path) throws Exception {
        return Files.readString(classes.resolve(path));
    }
}
