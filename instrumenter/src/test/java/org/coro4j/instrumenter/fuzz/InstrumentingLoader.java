package org.coro4j.instrumenter.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.InstrumentedClass;
import org.coro4j.instrumenter.Instrumenter;

/**
 * Instruments compiled classes and defines them in a class loader of their own, so the JVM
 * verifies every class in full as it loads it. Everything else comes from the parent (the runtime
 * and the support classes of this package).
 */
final class InstrumentingLoader extends ClassLoader {
    private static final Instrumenter INSTRUMENTER = new Instrumenter();

    private final Map<String, byte[]> classes;

    private InstrumentingLoader(Map<String, byte[]> classes) {
        super(InstrumentingLoader.class.getClassLoader());
        this.classes = classes;
    }

    /** Instruments each of {@code compiled} (by internal name) and returns a loader for the result. */
    static InstrumentingLoader instrument(Map<String, byte[]> compiled) throws InstrumentationException {
        Map<String, byte[]> output = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : compiled.entrySet()) {
            InstrumentedClass result = INSTRUMENTER.instrument(entry.getValue());
            if (result.changed()) {
                output.putAll(result.classes());
            } else {
                output.put(entry.getKey(), entry.getValue());
            }
        }
        return new InstrumentingLoader(output);
    }

    /** A loader for {@code compiled} as it is, without instrumentation. */
    static InstrumentingLoader plain(Map<String, byte[]> compiled) {
        return new InstrumentingLoader(compiled);
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
