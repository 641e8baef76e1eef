package org.coro4j.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks with JMH's own command-line options ({@code -f 1 -wi 3 -i 5 -prof gc}
 * ...) and then prints, for each, the median of its measured iterations as a result line for
 * {@link Report}, followed by the medians of any profiler figures (for example
 * {@code gc.alloc.rate.norm}, bytes allocated per operation).
 */
public final class RunBenchmarks {
    /** Benchmark method name to workload, system and how the JMH score becomes the reported figure. */
    private static final Map<String, Figure> FIGURES = Map.of(
            "SpawnBenchmark.spawnTasks", new Figure("W1-tasks", "coro4j", "ns/task", false),
            "SpawnBenchmark.spawnCoroutines", new Figure("W1-coroutines", "coro4j", "ns/task", false),
            "SwitchBenchmark.switches", new Figure("W2", "coro4j", "ns/switch", false),
            "AwaitBenchmark.fibAsync", new Figure("W4", "coro4j", "us/fib(25)", false),
            "AwaitBenchmark.fibPlain", new Figure("W4", "plain Java", "us/fib(25)", false),
            "InstrumentBenchmark.instrument", new Figure("W5", "coro4j", "classes/s", true));

    private RunBenchmarks() {
    }

    private record Figure(String workload, String system, String unit, boolean perSecond) {
        double of(double nanosOrMicros) {
            return perSecond ? 1e9 / nanosOrMicros : nanosOrMicros;
        }
    }

    /** Runs JMH with {@code args} and prints the result lines. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        for (RunResult run : results) {
            String label = run.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            Figure figure = FIGURES.get(method);
            if (figure == null) {
                throw new IllegalStateException("no figure is defined for benchmark " + method);
            }
            Collection<BenchmarkResult> forks = run.getBenchmarkResults();
            double primary = Measure.median(forks.stream().flatMap(fork -> fork.getIterationResults().stream())
                    .mapToDouble(iteration -> iteration.getPrimaryResult().getScore()).toArray());
            Measure.report(figure.workload(), figure.system(), figure.of(primary), figure.unit());
            printSecondary(method, forks);
        }
    }

    /** Milliseconds of collection over milliseconds measured, over every measured iteration. */
    private static double gcShare(Collection<BenchmarkResult> forks) {
        double gcMillis = 0;
        double millis = 0;
        for (BenchmarkResult fork : forks) {
            for (IterationResult iteration : fork.getIterationResults()) {
                Result<?> gc = iteration.getSecondaryResults().get("gc.time");
                gcMillis += gc == null ? 0 : gc.getScore();
                Result<?> primary = iteration.getPrimaryResult();
                String unit = primary.getScoreUnit();
                double unitMillis = unit.startsWith("ns") ? 1e-6 : unit.startsWith("us") ? 1e-3 : 1;
                millis += primary.getScore() * iteration.getMetadata().getMeasuredOps() * unitMillis;
            }
        }
        return gcMillis / millis;
    }

    /**
     * Prints the median of each profiler figure; for {@code gc.time} (milliseconds of collection in
     * an iteration) also {@code gc.share}, the collections' percentage of all the measured time.
     */
    private static void printSecondary(String method, Collection<BenchmarkResult> forks) {
        Map<String, Result> names = forks.iterator().next().getIterationResults().iterator().next().getSecondaryResults();
        for (String name : names.keySet()) {
            double median = Measure.median(forks.stream().flatMap(fork -> fork.getIterationResults().stream())
                    .map(IterationResult::getSecondaryResults).filter(each -> each.containsKey(name))
                    .mapToDouble(each -> each.get(name).getScore()).toArray());
            System.out.printf(Locale.ROOT, "PROFILE\t%s\t%s\t%.3f\t%s%n", method, name, median, names.get(name).getScoreUnit());
            if (name.equals("gc.time")) {
                System.out.printf(Locale.ROOT, "PROFILE\t%s\tgc.share\t%.1f\t%%%n", method, 100.0 * gcShare(forks));
            }
        }
    }
}
