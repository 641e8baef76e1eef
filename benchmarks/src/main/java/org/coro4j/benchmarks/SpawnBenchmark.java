package org.coro4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** W1 under JMH: nanoseconds per spawned, completed and gathered task, in both forms of {@link Spawn}. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpawnBenchmark {
    /** Tasks per invocation. */
    public static final int TASKS = 1_000_000;

    /** Creates {@link #TASKS} tasks with {@code createTask}, gathers them and returns the sum. */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long spawnTasks() {
        return Spawn.runTasks(TASKS);
    }

    /** Gathers {@link #TASKS} coroutines, each wrapped in a task by {@code gather}, and returns the sum. */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long spawnCoroutines() {
        return Spawn.runCoroutines(TASKS);
    }
}
