package org.coro4j.instrumenter.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.coro4j.instrumenter.TestCompiler;

/**
 * Generates and runs many programs differentially, in batches, on several threads. Program
 * {@code i} of a run with seed {@code S} has the seed {@link #programSeed(long, int)}, so any one
 * program can be generated and run again on its own.
 */
final class Fuzzer {
    private final Set<Construct> constructs;
    private final int batchSize;
    private final int threads;
    private final List<TestCompiler> compilers;

    /**
     * A fuzzer generating {@code constructs}, {@code batchSize} programs per class, on
     * {@code threads} threads, running every batch as compiled by each of {@code compilers}.
     */
    Fuzzer(Set<Construct> constructs, int batchSize, int threads, List<TestCompiler> compilers) {
        this.constructs = Set.copyOf(constructs);
        this.batchSize = batchSize;
        this.threads = threads;
        this.compilers = List.copyOf(compilers);
    }

    /** javac and ECJ for Java 17, javac with debug information and ECJ without: what the fuzzer runs by default. */
    static List<TestCompiler> defaultCompilers() {
        return List.of(TestCompiler.named("javac-17-g"), TestCompiler.named("ecj-17"));
    }

    /** The seed of program {@code index} of a run with {@code seed}. */
    static long programSeed(long seed, int index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Told of each batch when it finishes, on the thread that ran it. */
    @FunctionalInterface
    interface Progress {
        /** A batch of {@code programs} programs finished with {@code mismatches}. */
        void finished(int programs, List<Mismatch> mismatches);
    }

    /**
     * Runs {@code count} programs of the run with {@code seed}, telling {@code progress} of each
     * finished batch.
     */
    List<Mismatch> run(long seed, int count, Progress progress) throws Exception {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(programSeed(seed, i));
        }
        return runSeeds(seeds, progress);
    }

    /** Runs the programs of the given program seeds. */
    List<Mismatch> runSeeds(List<Long> seeds, Progress progress) throws Exception {
        ProgramGenerator generator = new ProgramGenerator(constructs);
        AtomicInteger next = new AtomicInteger();
        List<Mismatch> mismatches = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (DifferentialRunner runner = new DifferentialRunner(compilers)) {
                        for (int start = next.getAndAdd(batchSize); start < seeds.size(); start = next.getAndAdd(batchSize)) {
                            List<Program> batch = new ArrayList<>();
                            for (int i = start; i < Math.min(seeds.size(), start + batchSize); i++) {
                                batch.add(generator.generate(seeds.get(i), i));
                            }
                            List<Mismatch> found = runner.run(batch);
                            mismatches.addAll(found);
                            progress.finished(batch.size(), found);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(mismatches);
    }
}
