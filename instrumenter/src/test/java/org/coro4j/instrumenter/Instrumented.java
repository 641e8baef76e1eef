package org.coro4j.instrumenter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles test sources, instruments every class, and loads the result in a class loader of its
 * own, where the JVM verifies each class in full as it links it. Everything else comes from the
 * parent (the runtime and the test support classes). Before instrumenting, it checks that the
 * compiler's own output passes the JVM verifier, so that a compiler bug is reported as one and not
 * blamed on the instrumenter.
 */
public final class Instrumented extends ClassLoader {
    private final Map<String, byte[]> classes;

    private Instrumented(Map<String, byte[]> classes) {
        super(Instrumented.class.getClassLoader());
        this.classes = classes;
    }

    /** Compiles {@code sources} with the current compiler and instruments them; instrumentation errors propagate. */
    static Instrumented of(Map<String, String> sources, String... options) throws InstrumentationException {
        return of(TestCompiler.current(), sources, options);
    }

    /** Compiles {@code sources} with {@code compiler} and {@code options} and instruments them. */
    static Instrumented of(TestCompiler compiler, Map<String, String> sources, String... options) throws InstrumentationException {
        return instrumenting(InMemoryCompiler.compile(compiler, sources, options), compiler);
    }

    /**
     * A loader for {@code compiled} (by internal name), as {@code compiler} wrote it, after
     * instrumenting every class.
     *
     * @throws UnverifiableInputException if a class as the compiler wrote it does not verify
     */
    public static Instrumented instrumenting(Map<String, byte[]> compiled, TestCompiler compiler) throws InstrumentationException {
        verifyAsCompiled(compiled, compiler);
        return new Instrumented(instrumentAll(compiled));
    }

    /**
     * Checks that every class of {@code compiled} passes the JVM verifier as {@code compiler} wrote
     * it: each is defined in a throwaway loader and linked (reflecting on its methods links it),
     * without running any of its code.
     *
     * @throws UnverifiableInputException naming the first class the JVM rejects
     */
    public static void verifyAsCompiled(Map<String, byte[]> compiled, TestCompiler compiler) {
        Instrumented plain = plain(compiled);
        for (String internalName : compiled.keySet()) {
            String name = internalName.replace('/', '.');
            try {
                Class.forName(name, false, plain).getDeclaredMethods();
            } catch (VerifyError e) {
                throw new UnverifiableInputException(internalName, compiler, e);
            } catch (ClassNotFoundException | LinkageError e) {
                // Another class's problem (a missing dependency), not one of verification: loading reports it.
                continue;
            }
        }
    }

    /** A loader for {@code compiled} as it is, without instrumentation. */
    public static Instrumented plain(Map<String, byte[]> compiled) {
        return new Instrumented(compiled);
    }

    /** Instruments every class of {@code compiled}, keeping those it leaves unchanged. */
    static Map<String, byte[]> instrumentAll(Map<String, byte[]> compiled) throws InstrumentationException {
        Map<String, byte[]> output = new LinkedHashMap<>();
        Instrumenter instrumenter = new Instrumenter();
        for (Map.Entry<String, byte[]> each : compiled.entrySet()) {
            InstrumentedClass result = instrumenter.instrument(each.getValue());
            GrowthReport.record(result.sizes());
            if (result.changed()) {
                output.putAll(result.classes());
            } else {
                output.put(each.getKey(), each.getValue());
            }
        }
        return output;
    }

    /** A single-file program {@code Main.java} in the default package. */
    static Instrumented program(String source) throws InstrumentationException {
        return of(Map.of("Main.java", source));
    }

    /** Calls the public static method {@code name} of class {@code className} with {@code arguments}. */
    Object call(String className, String name, Object... arguments) throws Throwable {
        Method method = null;
        for (Method candidate : loadClass(className).getMethods()) {
            if (candidate.getName().equals(name) && candidate.getParameterCount() == arguments.length) {
                method = candidate;
            }
        }
        if (method == null) {
            throw new NoSuchMethodException(className + "." + name);
        }
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name.replace('.', '/'));
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
