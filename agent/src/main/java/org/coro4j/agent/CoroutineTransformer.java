package org.coro4j.agent;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.InstrumentedClass;
import org.coro4j.instrumenter.Instrumenter;
import org.coro4j.instrumenter.Problem;

/**
 * Instruments each class as it is loaded: returns the rewritten class and defines its continuation
 * classes in the same loader. A class with problems is reported on the error stream, one
 * {@code File.java:line: message} line per problem, and loaded as it was; a class file that is not
 * valid is named by where it was loaded from ({@code /app/classes/com/acme/Bad.class},
 * {@code /app/lib/app.jar!/com/acme/Bad.class}). The instrumenter's own constant pool scan rejects
 * the classes that cannot hold a coroutine before anything is parsed.
 */
final class CoroutineTransformer implements ClassFileTransformer {

    private static final String OWN_PACKAGE = "org/coro4j/agent/";

    private final Instrumenter instrumenter;
    private final ClassDefiner definer;
    private final PrintStream errors;

    /**
     * Creates a transformer.
     *
     * @param instrumenter instruments one class file
     * @param definer defines the generated continuation classes
     * @param errors where problems are printed
     */
    CoroutineTransformer(Instrumenter instrumenter, ClassDefiner definer, PrintStream errors) {
        this.instrumenter = instrumenter;
        this.definer = definer;
        this.errors = errors;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classFile) {
        if (loader == null || className == null || classBeingRedefined != null
                || className.startsWith(OWN_PACKAGE)) {
            return null;
        }
        try {
            InstrumentedClass result = instrumenter.instrument(classFile, fileName(domain, className));
            if (!result.changed()) {
                return null;
            }
            for (Problem warning : result.warnings()) {
                errors.println(warning);
            }
            for (Map.Entry<String, byte[]> generated : result.classes().entrySet()) {
                if (!generated.getKey().equals(className)) {
                    definer.define(loader, generated.getKey(), generated.getValue(), domain);
                }
            }
            return result.classes().get(className);
        } catch (InstrumentationException e) {
            for (Problem problem : e.problems()) {
                errors.println(problem);
            }
        } catch (RuntimeException | LinkageError e) {
            errors.println("coro4j agent: cannot instrument " + className.replace('/', '.') + ": " + e);
        }
        return null;
    }

    /**
     * Where the class file was loaded from: a file in a directory, an entry of a jar, or just its
     * name. Computed from the code source's URL alone (no file system access), as it is done for
     * every class loaded.
     */
    static String fileName(ProtectionDomain domain, String className) {
        String entry = className + ".class";
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return entry;
        }
        String where = location.toString();
        if (location.getProtocol().equals("file")) {
            try {
                where = Path.of(location.toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                where = location.getPath();
            }
        }
        return location.getPath().endsWith("/") ? where + "/" + entry : where + "!/" + entry;
    }
}
