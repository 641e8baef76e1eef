package org.coro4j.instrumenter;

import java.util.Map;

/**
 * What instrumenting one class file produced.
 *
 * @param className internal name of the input class (for example {@code com/acme/Demo})
 * @param classes every class file to write, keyed by internal name: the rewritten input class
 *     and one continuation class per coroutine method; empty when nothing had to change
 * @param coroutineMethods how many coroutine methods were rewritten
 */
public record InstrumentedClass(String className, Map<String, byte[]> classes, int coroutineMethods) {

    /** Whether the input has to be replaced; when false the input bytes stay as they are. */
    public boolean changed() {
        return !classes.isEmpty();
    }
}
