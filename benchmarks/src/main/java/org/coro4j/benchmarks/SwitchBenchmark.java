package org.coro4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** W2 under JMH: nanoseconds per {@code sleep(0)} switch. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SwitchBenchmark {
    /** Tasks yielding in turn. */
    public static final int TASKS = 1_000;
    /** Yields per task. */
    public static final int SWITCHES = 1_000;

    /** Runs {@link #TASKS} tasks of {@link #SWITCHES} yields each. */
    @Benchmark
    @OperationsPerInvocation(TASKS * SWITCHES)
    public long switches() {
        return Switch.run(TASKS, SWITCHES);
    }
}
