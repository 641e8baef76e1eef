package org.coro4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coro4j.instrumenter.Instrumenter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** W5 under JMH: nanoseconds per class instrumented (the report turns it into classes per second). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class InstrumentBenchmark {
    /** Classes in the corpus, each with four coroutine methods. */
    public static final int CLASSES = 200;

    private final Instrumenter instrumenter = new Instrumenter();
    private List<byte[]> corpus;

    /** Compiles the corpus once per fork. */
    @Setup
    public void compileCorpus() {
        corpus = Corpus.compile(CLASSES);
    }

    /** Instruments every class of the corpus. */
    @Benchmark
    @OperationsPerInvocation(CLASSES)
    public int instrument() {
        return Instrumentation.instrumentAll(instrumenter, corpus);
    }
}
