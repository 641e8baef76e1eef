package org.coro4j.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coro4j.instrumenter.Instrumenter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the directory walk with the real instrumenter on class files javac wrote (the samples in
 * {@code com.acme} of this module's tests, copied into a project layout): {@code Plain} needs
 * nothing, {@code Demo} has two coroutine methods and {@code Other} one, {@code Bad} two misuses.
 */
class DirectoryInstrumenterTest {

    private static final Path COMPILED = Path.of("target/test-classes");

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
        for (String name : List.of("Plain", "Demo", "Other")) {
            copy(name);
        }
    }

    @Test
    void rewritesCoroutineClassesAndWritesTheirContinuations() throws Exception {
        byte[] plain = Files.readAllBytes(classes.resolve("com/acme/Plain.class"));

        RunSummary summary = run(List.of(), List.of());

        assertEquals(new RunSummary(3, 2, 0, List.of()), summary);
        assertEquals(List.of("Demo$first$Coro0.class", "Demo$second$Coro1.class", "Demo.class", "Other$pause$Coro0.class",
                "Other.class", "Plain.class"), list("com/acme"));
        assertArrayEquals(plain, Files.readAllBytes(classes.resolve("com/acme/Plain.class")));
        assertFalse(Arrays.equals(Files.readAllBytes(COMPILED.resolve("com/acme/Demo.class")),
                Files.readAllBytes(classes.resolve("com/acme/Demo.class"))));
        assertEquals(2, details.size());
        assertTrue(details.get(0).startsWith("coro4j: com/acme/Demo.class: 2 coroutine methods, wrote com/acme/Demo, "),
                details.get(0));
    }

    @Test
    void aSecondRunReadsNothingAndARecompiledClassIsDoneAgain() throws Exception {
        run(List.of(), List.of());
        transformed.clear();

        assertEquals(new RunSummary(0, 0, 6, List.of()), run(List.of(), List.of()));
        assertEquals(List.of(), transformed);

        copy("Other");
        Files.setLastModifiedTime(classes.resolve("com/acme/Other.class"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(new RunSummary(1, 1, 5, List.of()), run(List.of(), List.of()));
        assertEquals(List.of("target/classes/com/acme/Other.class"), transformed);
    }

    @Test
    void aStateLostWithTheClassesStillInstrumentedWritesNothing() throws Exception {
        run(List.of(), List.of());
        Files.delete(stateFile);
        transformed.clear();

        RunSummary summary = run(List.of(), List.of());

        assertEquals(new RunSummary(0, 0, 0, List.of()), summary);
        assertEquals(6, transformed.size());
    }

    @Test
    void includesAndExcludesSelectTheFiles() throws Exception {
        byte[] other = Files.readAllBytes(classes.resolve("com/acme/Other.class"));

        RunSummary summary = run(List.of("com/**"), List.of("**/Other.class"));

        assertEquals(new RunSummary(2, 1, 0, List.of()), summary);
        assertArrayEquals(other, Files.readAllBytes(classes.resolve("com/acme/Other.class")));
    }

    @Test
    void rewrittenAndNewClassFilesKeepThePermissionsJavacGaveTheClass() throws Exception {
        Files.setPosixFilePermissions(classes.resolve("com/acme/Demo.class"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(classes.resolve("com/acme/Other.class"), PosixFilePermissions.fromString("rw-r-----"));

        run(List.of(), List.of());

        for (String name : List.of("Demo", "Demo$first$Coro0", "Demo$second$Coro1")) {
            assertEquals("rw-r--r--", mode("com/acme/" + name + ".class"), name);
        }
        for (String name : List.of("Other", "Other$pause$Coro0")) {
            assertEquals("rw-r-----", mode("com/acme/" + name + ".class"), name);
        }
    }

    @Test
    void aCoroutineOverHotSpotsLimitIsAWarningAtItsDeclarationCountedInTheSummaryLine() throws Exception {
        copy("Huge");
        Files.copy(Path.of("src/test/java/com/acme/Huge.java"), project.resolve("src/main/java/com/acme/Huge.java"));

        RunSummary summary = run(List.of(), List.of());

        assertEquals(List.of(), summary.errors());
        assertEquals(1, summary.warnings().size());
        assertTrue(summary.warnings().get(0).matches("src/main/java/com/acme/Huge\\.java:" + line("Huge", "static Coroutine<Integer> run(")
                + ": warning: coroutine run\\(\\) is [0-9]{1,2},[0-9]{3} bytes once instrumented;"
                + " HotSpot does not JIT-compile methods over 8,000 bytes: split it"), summary.warnings().get(0));
        assertEquals("coro4j: instrumented 4 methods in 3 classes (5 ms), 1 warning", summary.line(5));
    }

    @Test
    void everyProblemIsListedWithItsPathAndTheClassIsLeftAlone() throws Exception {
        copy("Bad");
        byte[] bad = Files.readAllBytes(classes.resolve("com/acme/Bad.class"));
        Files.writeString(classes.resolve("com/acme/Broken.class"), "not a class file");
        Files.write(classes.resolve("com/acme/Cut.class"), Arrays.copyOf(bad, 8));

        RunSummary summary = run(List.of(), List.of());

        assertEquals(List.of(
                "src/main/java/com/acme/Bad.java:" + line("Bad", "Asyncio.sleep(1.0)") + ": Await.on is called in"
                        + " Bad.firstMisuse(), which is not a coroutine: mark the method @Async and make it return Coroutine<T>",
                "src/main/java/com/acme/Bad.java:" + line("Bad", "Asyncio.sleep(2.0)") + ": Await.on is called in"
                        + " Bad.secondMisuse(), which is not a coroutine: mark the method @Async and make it return Coroutine<T>",
                "target/classes/com/acme/Broken.class: not a class file: it does not start with 0xCAFEBABE",
                "target/classes/com/acme/Cut.class: not a valid class file: truncated: it is 8 bytes long, shorter than"
                        + " the 10-byte header (magic, version, constant pool count)"),
                summary.errors());
        assertArrayEquals(bad, Files.readAllBytes(classes.resolve("com/acme/Bad.class")));
        assertEquals(2, summary.classes());

        transformed.clear();
        run(List.of(), List.of());
        assertEquals(List.of("target/classes/com/acme/Bad.class", "target/classes/com/acme/Broken.class",
                "target/classes/com/acme/Cut.class"), transformed, "classes with problems are read again next time");
    }

    @Test
    void aDeclarationProblemIsReportedAtTheLineThatDeclaresTheMethod() throws Exception {
        copy("Declarations");
        Files.copy(Path.of("src/test/java/com/acme/Declarations.java"), project.resolve("src/main/java/com/acme/Declarations.java"));

        RunSummary summary = run(List.of(), List.of());

        String file = "src/main/java/com/acme/Declarations.java:";
        assertEquals(List.of(
                file + line("Declarations", "Coroutine<Integer> guarded(") + ": @Async method Declarations.guarded()"
                        + " is synchronized: a coroutine cannot hold a monitor across Await.on; use org.coro4j.Lock instead",
                file + line("Declarations", "shape(int corners)") + ": @Async method Declarations.shape() is abstract:"
                        + " only a method with a body can be a coroutine; put @Async on the implementations",
                file + line("Declarations", "static String named(") + ": @Async method Declarations.named() must return"
                        + " Coroutine<T>, not java.lang.String"),
                summary.errors());
    }

    @Test
    void aDeclarationProblemKeepsTheEstimatedLineWhenTheSourceDoesNotShowTheDeclaration() throws Exception {
        copy("Declarations");
        Files.writeString(project.resolve("src/main/java/com/acme/Declarations.java"), "// generated elsewhere\n");

        RunSummary summary = run(List.of(), List.of());

        List<Integer> lines = summary.errors().stream()
                .map(error -> Integer.parseInt(error.split(":")[1]))
                .toList();
        assertEquals(List.of(line("Declarations", "int total") - 1,
                line("Declarations", "return Coroutine.of(total)") + 1, line("Declarations", "return prefix") - 1), lines);
    }

    @Test
    void aTransformThatBreaksIsReportedWithTheFileInsteadOfStoppingTheRun() throws Exception {
        SourceLocator locator = new SourceLocator(project, List.of(project.resolve("src/main/java")));
        DirectoryInstrumenter broken = new DirectoryInstrumenter((classFile, fileName) -> {
            throw new IllegalStateException("a bug");
        }, new ClassFileFilter(List.of("**/Plain.class"), List.of()), locator, details::add);

        RunSummary summary = broken.run(classes, InstrumentationState.load(stateFile));

        assertEquals(List.of("target/classes/com/acme/Plain.class: cannot be instrumented (java.lang.IllegalStateException: a bug)"),
                summary.errors());
    }

    private RunSummary run(List<String> includes, List<String> excludes) throws Exception {
        SourceLocator locator = new SourceLocator(project, List.of(project.resolve("src/main/java")));
        Instrumenter real = new Instrumenter();
        DirectoryInstrumenter instrumenter = new DirectoryInstrumenter((classFile, fileName) -> {
            transformed.add(fileName);
            return real.instrument(classFile, fileName);
        }, new ClassFileFilter(includes, excludes), locator, details::add);
        InstrumentationState state = InstrumentationState.load(stateFile);
        RunSummary summary = instrumenter.run(classes, state);
        state.save();
        return summary;
    }

    private void copy(String name) throws Exception {
        Path target = classes.resolve("com/acme/" + name + ".class");
        Files.createDirectories(target.getParent());
        Files.write(target, Files.readAllBytes(COMPILED.resolve("com/acme/" + name + ".class")));
    }

    private List<String> list(String directory) throws Exception {
        try (var files = Files.list(classes.resolve(directory))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private String mode(String path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(classes.resolve(path)));
    }

    /** The line of this module's test source {@code com/acme/NAME.java} that contains {@code text}. */
    private static int line(String name, String text) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/com/acme/" + name + ".java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + name + ".java");
    }
}
