package org.coro4j.instrumenter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
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

/** Compiles Java sources held in strings with javac, returning class files by binary name. */
final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    /**
     * Compiles {@code sources} (file name to text) against the test class path.
     *
     * @return class file bytes by internal name ({@code pkg/Outer$Inner})
     */
    static Map<String, byte[]> compile(Map<String, String> sources, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        outputs.put(className.replace('.', '/'), bytes);
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
        List<String> arguments = new ArrayList<>(List.of("-g", "-classpath", System.getProperty("java.class.path")));
        arguments.addAll(List.of(options));
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, manager, null, arguments, null, units).call();
        if (!ok) {
            throw new IllegalArgumentException("test source does not compile:\n" + diagnostics);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }
}
