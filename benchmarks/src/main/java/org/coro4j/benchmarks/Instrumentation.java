package org.coro4j.benchmarks;

import java.util.List;
import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.Instrumenter;

/** W5, instrumentation throughput: every class of a {@link Corpus} through the {@link Instrumenter}. */
public final class Instrumentation {
    private Instrumentation() {
    }

    /** Instruments each class file; returns the total number of coroutine methods rewritten. */
    public static int instrumentAll(Instrumenter instrumenter, List<byte[]> classFiles) {
        int methods = 0;
        try {
            for (byte[] classFile : classFiles) {
                methods += instrumenter.instrument(classFile).coroutineMethods();
            }
        } catch (InstrumentationException e) {
            throw new IllegalStateException("the corpus must instrument cleanly", e);
        }
        return methods;
    }
}
