package org.coro4j.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.coro4j.Coroutine;

/**
 * W5's input: generated classes with {@code @Async} methods of the usual shapes (awaits in loops,
 * in try/catch, across locals of every primitive kind, on tasks, futures and other coroutines),
 * compiled in memory by javac as the build would, so the instrumenter sees real class files.
 */
public final class Corpus {
    private static final String PACKAGE = "corpus";

    private Corpus() {
    }

    /** Compiles {@code classes} generated classes; returns their class files (no nested classes are generated). */
    public static List<byte[]> compile(int classes) {
        Map<String, String> sources = new TreeMap<>();
        for (int i = 0; i < classes; i++) {
            sources.put(PACKAGE + ".Generated" + i, source(i));
        }
        return compile(sources);
    }

    /** Compiles {@code sourcesByClassName} (fully qualified class name to source) as the build would; returns every class file. */
    static List<byte[]> compile(Map<String, String> sourcesByClassName) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("compiling the corpus needs a JDK (javax.tools), not a JRE");
        }
        List<JavaFileObject> sources = new ArrayList<>();
        sourcesByClassName.forEach((className, code) -> sources.add(new Source(className, code)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> output = new TreeMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                output.put(className, bytes);
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return bytes;
                    }
                };
            }
        };
        List<String> options = List.of("--release", "17", "-g", "-classpath", runtimeClassPath());
        if (!javac.getTask(null, memory, diagnostics, options, null, sources).call()) {
            throw new IllegalStateException("the corpus does not compile: " + diagnostics.getDiagnostics());
        }
        List<byte[]> classFiles = new ArrayList<>();
        output.values().forEach(bytes -> classFiles.add(bytes.toByteArray()));
        return classFiles;
    }

    /** The source of generated class number {@code n}: four coroutine methods and one plain method. */
    static String source(int n) {
        String name = "Generated" + n;
        return """
                package %1$s;

                import java.util.ArrayList;
                import java.util.List;
                import org.coro4j.*;

                public class %2$s {
                    private int calls;

                    @Async
                    static Coroutine<Long> sum(int count) {
                        long total = %3$d;
                        double scale = 1.5;
                        for (int i = 0; i < count; i++) {
                            Await.on(Asyncio.sleep(0));
                            total += (long) (i * scale);
                        }
                        return Coroutine.of(total);
                    }

                    @Async
                    Coroutine<String> guarded(Future<String> source) {
                        calls++;
                        try {
                            String value = Await.on(source);
                            return Coroutine.of(value + calls);
                        } catch (IllegalStateException e) {
                            return Coroutine.of("failed " + e.getMessage());
                        } finally {
                            calls--;
                        }
                    }

                    @Async
                    static Coroutine<List<Long>> fanOut(int tasks) {
                        List<Task<Long>> started = new ArrayList<>();
                        for (int i = 0; i < tasks; i++) {
                            started.add(Asyncio.createTask(sum(i)));
                        }
                        List<Long> results = new ArrayList<>();
                        for (Task<Long> task : started) {
                            Long result = Await.on(task);
                            results.add(result);
                        }
                        return Coroutine.of(results);
                    }

                    @Async
                    static Coroutine<Integer> chain(int depth, char tag, float weight) {
                        if (depth == 0) {
                            return Coroutine.of((int) (tag * weight));
                        }
                        int below = Await.on(chain(depth - 1, tag, weight));
                        long widened = below + %3$dL;
                        Await.on(Asyncio.sleep(0.001));
                        return Coroutine.of((int) (widened %% 1000));
                    }

                    static int plain(int x) {
                        return x * 31 + %3$d;
                    }
                }
                """.formatted(PACKAGE, name, n);
    }

    private static String runtimeClassPath() {
        try {
            return new File(Coroutine.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
