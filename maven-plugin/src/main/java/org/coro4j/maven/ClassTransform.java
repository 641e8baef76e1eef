package org.coro4j.maven;

import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.InstrumentedClass;

/** Instruments one class file; {@code new Instrumenter()::instrument} in a real build. */
@FunctionalInterface
interface ClassTransform {

    /**
     * Returns what to write instead of {@code classFile}, or throws the misuses found in it, or why
     * it is not a valid class file, naming it {@code fileName}.
     */
    InstrumentedClass instrument(byte[] classFile, String fileName) throws InstrumentationException;
}
