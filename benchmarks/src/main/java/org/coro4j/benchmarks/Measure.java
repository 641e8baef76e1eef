package org.coro4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The measurement methods shared by the coro4j workloads and the peer programs, so that every
 * system is timed and weighed the same way.
 *
 * <p>Timing mirrors JMH's average-time mode: each iteration repeats the workload until
 * {@code bench.millis} have passed and scores the mean time per operation; {@code bench.warmups}
 * iterations are discarded and the median of {@code bench.iterations} is reported. Memory is the
 * used heap after repeated full collections, read from {@link MemoryMXBean}.
 */
public final class Measure {
    private static final int MAX_GC_ROUNDS = 20;
    /** How many readings in a row must agree: what an earlier workload left can survive two full collections. */
    private static final int STABLE_READINGS = 3;

    private Measure() {
    }

    /** The median over the measured iterations of nanoseconds per operation, {@code run} doing {@code opsPerRun}. */
    public static double medianNanosPerOp(long opsPerRun, Runnable run) {
        int warmups = Integer.getInteger("bench.warmups", 3);
        int iterations = Integer.getInteger("bench.iterations", 5);
        long iterationNanos = Long.getLong("bench.millis", 1000) * 1_000_000;
        for (int i = 0; i < warmups; i++) {
            iteration(opsPerRun, run, iterationNanos);
        }
        double[] scores = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            scores[i] = iteration(opsPerRun, run, iterationNanos);
        }
        return median(scores);
    }

    private static double iteration(long opsPerRun, Runnable run, long iterationNanos) {
        long start = System.nanoTime();
        long runs = 0;
        long elapsed;
        do {
            run.run();
            runs++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < iterationNanos);
        return (double) elapsed / (runs * opsPerRun);
    }

    /**
     * The used heap in bytes once nothing more is freed: full collections ({@link System#gc()})
     * until {@value #STABLE_READINGS} readings in a row agree, at most {@value #MAX_GC_ROUNDS}
     * rounds. Objects the caller holds strongly are counted; garbage is not. (Two agreeing readings
     * are not enough: the objects of a workload that has just ended were seen to survive two full
     * collections and go at the third.)
     */
    public static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = -1;
        int agreeing = 0;
        for (int round = 0; round < MAX_GC_ROUNDS; round++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            agreeing = used == previous ? agreeing + 1 : 1;
            if (agreeing == STABLE_READINGS) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /** The median of {@code values}. */
    public static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Prints one result line in the format {@link Report} reads. */
    public static void report(String workload, String system, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "RESULT\t%s\t%s\t%.3f\t%s", workload, system, value, unit));
    }
}
