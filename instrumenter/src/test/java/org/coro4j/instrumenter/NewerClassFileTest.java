package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Class files of newer Java versions, as javac 25 writes them (up to version 69), with pattern
 * switches and record patterns around awaits: compiled by a JDK 25, instrumented here, then run
 * and verified by that JDK's JVM. Runs only where a JDK 25 is installed; the system property
 * {@code coro4j.jdk25} names its home (default: the Temurin 25 package's location).
 */
class NewerClassFileTest {
    private static final Path JDK = Path.of(System.getProperty("coro4j.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                sealed interface Shape permits Circle, Square, Rect {
                }

                record Circle(double r) implements Shape {
                }

                record Square(int side) implements Shape {
                }

                record Rect(int w, int h) implements Shape {
                }

                static String mix(int a, long b, String c) {
                    return a + "/" + b + "/" + c;
                }

                @Async
                public static Coroutine<String> patterns() {
                    StringBuilder out = new StringBuilder();
                    List<Object> things = List.of(new Circle(1.5), new Square(2), new Square(1), new Rect(3, 4), "str", 42, new Rect(0, 7), 'c');
                    for (Object thing : things) {
                        String described = switch (thing) {
                            case Circle c -> "c" + Await.on(V.f(c.r()));
                            case Square(int side) when side > Await.on(V.f(1)) -> "sq" + side;
                            case Square s -> "small" + Await.on(V.co(s.side()));
                            case Rect(int w, int h) when w == 0 -> "thin" + Await.on(V.co(h));
                            case Rect(var w, var h) -> "r" + (w * Await.on(V.f(h)));
                            case String s -> s + Await.on(V.f(s.length()));
                            case Integer i when i > Await.on(V.f(40)) -> "big" + i;
                            default -> "other";
                        };
                        out.append(described).append(';');
                    }
                    Object boxed = Await.on(V.f((Object) new Rect(5, 6)));
                    if (boxed instanceof Rect(int w, int h) && Await.on(V.f(w)) == 5) {
                        out.append(mix(w, h, Await.on(V.f("x"))));
                    }
                    Shape shape = new Square(Await.on(V.f(3)));
                    out.append(switch (shape) {
                        case Circle c -> "circle";
                        case Square s -> "square" + Await.on(V.f(s.side()));
                        case Rect r -> "rect";
                    });
                    return Coroutine.of(out.toString());
                }

                public static void main(String[] args) throws Throwable {
                    for (boolean suspend : new boolean[] {false, true}) {
                        System.out.println(V.run(suspend, "Main", "patterns"));
                    }
                }
            }
            """;

    private static final String EXPECTED = "c1.5;sq2;small1;r12;str3;big42;thin7;other;5/6/xsquare3";

    @ParameterizedTest
    @ValueSource(ints = {21, 25})
    void newerClassFilesAreInstrumentedAndVerified(int release, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(JDK.resolve("bin/javac")), "no JDK 25 at " + JDK);
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("Main.java"), SOURCE);
        Files.writeString(sources.resolve("V.java"), Scenario.HELPER);
        String classPath = System.getProperty("java.class.path");
        run(JDK.resolve("bin/javac").toString(), "--release", Integer.toString(release), "-g", "-cp", classPath,
                "-d", classes.toString(), sources.resolve("Main.java").toString(), sources.resolve("V.java").toString());
        Map<String, byte[]> compiled = new HashMap<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                compiled.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
            }
        }
        assertEquals(44 + release, Byte.toUnsignedInt(compiled.get("Main")[7]), "class file major version");
        for (Map.Entry<String, byte[]> each : Instrumented.instrumentAll(compiled).entrySet()) {
            Files.write(classes.resolve(each.getKey() + ".class"), each.getValue());
        }
        String output = run(JDK.resolve("bin/java").toString(), "-cp", classes + java.io.File.pathSeparator + classPath, "Main");
        assertEquals("[" + EXPECTED + ", 0.0]\n[" + EXPECTED + ", 6.5]\n", output);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
