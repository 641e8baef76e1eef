package org.coro4j.benchmarks;

import java.util.Collection;
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
            "SpawnBenchmark.spawn", new Figure("W1", "coro4j", "ns/task", false),
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

    private static void printSecondary(String method, Collection<BenchmarkResult> forks) {
        Map<String, Result> names = forks.iterator().next().getIterationResults().iterator().next().getSecondaryResults();
        for (String name : names.keySet()) {
            double median = Measure.median(forks.stream().flatMap(fork -> fork.getIterationResults().stream())
                    .map(IterationResult::getSecondaryResults).filter(each -> each.containsKey(name))
                    .mapToDouble(each -> each.get(name).getScore()).toArray());
            System.out.printf("PROFILE\t%s\t%s\t%.3f\t%s%n", method, name, median, names.get(name).getScoreUnit());
        }
    }
}
