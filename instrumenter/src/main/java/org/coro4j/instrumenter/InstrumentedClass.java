package org.coro4j.instrumenter;

import java.util.List;
import java.util.Map;

/**
 * What instrumenting one class file produced.
 *
 * @param className internal name of the input class (for example {@code com/acme/Demo})
 * @param classes every class file to write, keyed by internal name: the rewritten input class
 *     and one continuation class per coroutine method; empty when nothing had to change
 * @param coroutineMethods how many coroutine methods were rewritten
 * @param sizes the code size of each rewritten coroutine method, before and after
 * @param warnings what the build should report without failing, each message starting with
 *     {@code warning: } so that {@link Problem#toString()} reads as javac's warnings do
 */
public record InstrumentedClass(String className, Map<String, byte[]> classes, int coroutineMethods,
        List<CoroutineSize> sizes, List<Problem> warnings) {

    /** What instrumenting produced, without sizes or warnings. */
    public InstrumentedClass(String className, Map<String, byte[]> classes, int coroutineMethods) {
        this(className, classes, coroutineMethods, List.of(), List.of());
    }

    /** Whether the input has to be replaced; when false the input bytes stay as they are. */
    public boolean changed() {
        return !classes.isEmpty();
    }
}
