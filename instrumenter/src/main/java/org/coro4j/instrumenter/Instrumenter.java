package org.coro4j.instrumenter;

/**
 * Entry point of the transform: takes one class file, returns what must be written instead.
 * Instances are stateless and may be shared between threads.
 */
public final class Instrumenter {

    /**
     * Instruments one class file.
     *
     * @param classFile the bytes of a class file, as javac wrote them
     * @return the classes to write; {@link InstrumentedClass#changed()} is false when the class has
     *     no coroutine in it or was instrumented before
     * @throws InstrumentationException listing every misuse found, each as {@code File.java:line: message}
     */
    public InstrumentedClass instrument(byte[] classFile) throws InstrumentationException {
        throw new IllegalStateException("not written yet");
    }
}
