package org.coro4j.instrumenter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with javac into memory. One instance keeps its file manager (and so
 * javac's cache of the class path) across compilations; it is not thread-safe, so use one per thread.
 */
public final class BatchCompiler implements AutoCloseable {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
    private final List<String> options;

    /** A compiler for {@code --release release} against the class path of this JVM. */
    public BatchCompiler(int release) {
        this(List.of("--release", Integer.toString(release)));
    }

    /** A compiler with javac's {@code extraOptions} against the class path of this JVM. */
    public BatchCompiler(List<String> extraOptions) {
        List<String> all = new ArrayList<>(List.of("-g", "-proc:none", "-nowarn", "-classpath", System.getProperty("java.class.path")));
        all.addAll(extraOptions);
        this.options = List.copyOf(all);
    }

    /**
     * Compiles {@code sources} (file name to text).
     *
     * @return class file bytes by internal name
     * @throws IllegalArgumentException with javac's diagnostics when a source does not compile
     */
    public Map<String, byte[]> compile(Map<String, String> sources) {
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
            throw new IllegalArgumentException("source does not compile:\n" + diagnostics);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    @Override
    public void close() {
        try {
            standard.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
