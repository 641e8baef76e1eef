package org.coro4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** W4 under JMH: microseconds per {@code fib(25)}, awaiting coroutines and by plain recursion. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class AwaitBenchmark {
    /** The argument; a field so the JIT cannot fold the plain recursion into a constant. */
    public int n = 25;

    /** {@code fib(n)} where every call awaits its two child coroutines. */
    @Benchmark
    public int fibAsync() {
        return Fib.async(n);
    }

    /** {@code fib(n)} by plain recursion. */
    @Benchmark
    public int fibPlain() {
        return Fib.plain(n);
    }
}
