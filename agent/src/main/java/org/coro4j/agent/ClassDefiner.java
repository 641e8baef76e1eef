package org.coro4j.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * Defines the continuation classes the instrumenter generates next to a class being loaded. They
 * have no class file anywhere, so they are defined straight into the loader of their host class,
 * in its package and protection domain, by {@code ClassLoader.defineClass}. The agent opens
 * {@code java.lang} to itself once, through the instrumentation service, to be allowed to call it.
 */
final class ClassDefiner {

    private final Method defineClass;

    private ClassDefiner(Method defineClass) {
        this.defineClass = defineClass;
    }

    /** Opens {@code java.lang} to this agent and looks up {@code ClassLoader.defineClass}. */
    static ClassDefiner open(Instrumentation instrumentation) {
        Module javaBase = ClassLoader.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                Map.of("java.lang", Set.of(ClassDefiner.class.getModule())), Set.of(), Map.of());
        try {
            Method method = ClassLoader.class.getDeclaredMethod("defineClass",
                    String.class, byte[].class, int.class, int.class, ProtectionDomain.class);
            method.setAccessible(true);
            return new ClassDefiner(method);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("coro4j agent: this JVM has no ClassLoader.defineClass", e);
        }
    }

    /**
     * Defines a class in {@code loader}.
     *
     * @param loader the loader of the host class
     * @param internalName the class's internal name, such as {@code com/acme/Demo$main$Coro0}
     * @param classFile its bytes
     * @param domain the host class's protection domain
     */
    void define(ClassLoader loader, String internalName, byte[] classFile, ProtectionDomain domain) {
        try {
            defineClass.invoke(loader, internalName.replace('/', '.'), classFile, 0, classFile.length, domain);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("coro4j agent: cannot define " + internalName, e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("coro4j agent: cannot define " + internalName, cause);
        }
    }
}
