package org.coro4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** W1 under JMH: nanoseconds per spawned, completed and gathered task. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpawnBenchmark {
    /** Tasks per invocation. */
    public static final int TASKS = 1_000_000;

    /** Spawns {@link #TASKS} tasks, gathers them and returns the sum. */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long spawn() {
        return Spawn.run(TASKS);
    }
}
