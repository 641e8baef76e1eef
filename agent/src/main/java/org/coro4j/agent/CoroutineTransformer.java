package org.coro4j.agent;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Map;
import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.InstrumentedClass;
import org.coro4j.instrumenter.Instrumenter;
import org.coro4j.instrumenter.Problem;

/**
 * Instruments each class as it is loaded: returns the rewritten class and defines its continuation
 * classes in the same loader. A class with problems is reported on the error stream, one
 * {@code File.java:line: message} line per problem, and loaded as it was.
 */
final class CoroutineTransformer implements ClassFileTransformer {

    /** Every class that can hold a coroutine names {@code org/coro4j/Await} or {@code org/coro4j/Async}. */
    private static final byte[] API_PREFIX = "org/coro4j/A".getBytes(StandardCharsets.US_ASCII);
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
                || className.startsWith(OWN_PACKAGE) || !mentionsApi(classFile)) {
            return null;
        }
        try {
            InstrumentedClass result = instrumenter.instrument(classFile);
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

    /** A cheap scan of the constant pool bytes, so that most classes are never parsed. */
    static boolean mentionsApi(byte[] classFile) {
        outer:
        for (int i = 0; i <= classFile.length - API_PREFIX.length; i++) {
            for (int j = 0; j < API_PREFIX.length; j++) {
                if (classFile[i + j] != API_PREFIX[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
