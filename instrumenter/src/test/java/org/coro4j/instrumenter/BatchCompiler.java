package org.coro4j.instrumenter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with one {@link TestCompiler}, returning class files by internal
 * name. javac runs in memory, and one instance keeps its file manager (and so javac's cache of the
 * class path) across compilations; ECJ runs as its batch compiler on a scratch directory, which
 * is how Eclipse's own builds and Maven's ECJ integration run it. Not thread-safe: use one per
 * thread.
 */
public final class BatchCompiler implements AutoCloseable {
    private final TestCompiler compiler;
    private final List<String> options;
    private final JavaCompiler javac;
    private final StandardJavaFileManager standard;

    /** {@code compiler} against the class path of this JVM. */
    public BatchCompiler(TestCompiler compiler) {
        this(compiler, List.of());
    }

    /** {@code compiler} with {@code extraOptions} after its own, against the class path of this JVM. */
    public BatchCompiler(TestCompiler compiler, List<String> extraOptions) {
        this.compiler = compiler;
        List<String> all = new ArrayList<>(List.of("-proc:none", "-nowarn", "-classpath", System.getProperty("java.class.path")));
        all.addAll(compiler.options());
        all.addAll(extraOptions);
        this.options = List.copyOf(all);
        this.javac = compiler.isJavac() ? ToolProvider.getSystemJavaCompiler() : null;
        this.standard = compiler.isJavac() ? javac.getStandardFileManager(null, null, null) : null;
    }

    /** The compiler this instance runs. */
    public TestCompiler compiler() {
        return compiler;
    }

    /**
     * Compiles {@code sources} (file name to text).
     *
     * @return class file bytes by internal name
     * @throws IllegalArgumentException with the compiler's diagnostics when a source does not compile
     */
    public Map<String, byte[]> compile(Map<String, String> sources) {
        return compiler.isJavac() ? compileWithJavac(sources) : compileWithEcj(sources);
    }

    private Map<String, byte[]> compileWithJavac(Map<String, String> sources) {
        Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                String internalName = className.replace('.', '/');
                return new SimpleJavaFileObject(URI.create("mem:///" + internalName + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        outputs.put(internalName, bytes);
                        return bytes;
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(URI.create("mem:///" + name), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        StringWriter diagnostics = new StringWriter();
        if (!javac.getTask(diagnostics, manager, null, options, null, units).call()) {
            throw notCompiling(diagnostics);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private Map<String, byte[]> compileWithEcj(Map<String, String> sources) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("coro4j-ecj");
            Path sourceDirectory = Files.createDirectory(scratch.resolve("src"));
            Path classDirectory = Files.createDirectory(scratch.resolve("classes"));
            List<String> arguments = new ArrayList<>(options);
            arguments.addAll(List.of("-encoding", "UTF-8", "-d", classDirectory.toString()));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDirectory.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            StringWriter diagnostics = new StringWriter();
            PrintWriter writer = new PrintWriter(diagnostics);
            if (!org.eclipse.jdt.core.compiler.batch.BatchCompiler.compile(arguments.toArray(String[]::new), writer, writer, null)) {
                writer.flush();
                throw notCompiling(diagnostics);
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(classDirectory)) {
                for (Path file : (Iterable<Path>) files.filter(path -> path.toString().endsWith(".class")).sorted()::iterator) {
                    String relative = classDirectory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    classes.put(relative.substring(0, relative.length() - ".class".length()), Files.readAllBytes(file));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                delete(scratch);
            }
        }
    }

    private IllegalArgumentException notCompiling(StringWriter diagnostics) {
        return new IllegalArgumentException(compiler + ": source does not compile:\n" + diagnostics);
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (standard != null) {
            try {
                standard.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
