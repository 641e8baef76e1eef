package org.coro4j.instrumenter.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.coro4j.instrumenter.TestCompiler;

/**
 * Command line of the differential fuzzer (run it through the {@code instrumenter/fuzz} script).
 *
 * <pre>
 * --count N          programs to run (default 1000)
 * --seed S           seed of the run (default: random, printed)
 * --program P[,P..]  run only these program seeds, as printed for a mismatch, and show their source
 * --source FILE      run a hand-written class of package fuzzgen: each aN(Trace) against its sN(Trace)
 * --enable F[,F..]   also generate these construct families ("all" for every one)
 * --disable F[,F..]  do not generate these families
 * --batch B          programs per compiled class (default 60)
 * --threads T        worker threads (default: available processors)
 * --compilers C[,C..] compile every batch with each of these (default javac-17-g,ecj-17); a compiler is
 *                    named tool-release[-g][-parameters], tool javac or ecj: javac-21-g-parameters, ecj-17-g
 * --list             list the construct families and exit
 * </pre>
 *
 * Exits with status 1 when any program mismatched, printing each one's program seed and problem. A
 * program whose compiler's own output fails the JVM verifier before instrumentation is reported as
 * a compiler bug, counted per compiler, and does not fail the run.
 */
public final class FuzzMain {
    private static final int SOURCES_SHOWN = 3;

    private FuzzMain() {
    }

    /** Runs the fuzzer as told by {@code args}. */
    public static void main(String[] args) throws Exception {
        int count = 1000;
        long seed = new SecureRandom().nextLong();
        List<Long> programs = new ArrayList<>();
        Set<Construct> constructs = EnumSet.noneOf(Construct.class);
        constructs.addAll(Construct.DEFAULTS);
        int batch = 60;
        int threads = Runtime.getRuntime().availableProcessors();
        List<TestCompiler> compilers = Fuzzer.defaultCompilers();
        Path source = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--list")) {
                for (Construct construct : Construct.values()) {
                    System.out.println(construct.name().toLowerCase().replace('_', '-')
                            + (Construct.DEFAULTS.contains(construct) ? " (default)" : ""));
                }
                return;
            }
            String value = args[++i];
            switch (option) {
                case "--source" -> source = Path.of(value);
                case "--count" -> count = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--program" -> {
                    for (String each : value.split(",")) {
                        programs.add(Long.parseLong(each.trim()));
                    }
                }
                case "--enable" -> constructs.addAll(Construct.parse(value));
                case "--disable" -> constructs.removeAll(Construct.parse(value));
                case "--batch" -> batch = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--compilers" -> compilers = compilers(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "; see the javadoc of FuzzMain");
            }
        }
        if (source != null) {
            runSource(source, compilers);
            return;
        }
        Fuzzer fuzzer = new Fuzzer(constructs, batch, threads, compilers);
        System.out.println("fuzz: constructs " + constructs);
        System.out.println("fuzz: compilers " + compilers);
        long started = System.nanoTime();
        List<Mismatch> mismatches;
        if (programs.isEmpty()) {
            System.out.println("fuzz: seed " + seed + ", " + count + " programs");
            mismatches = fuzzer.run(seed, count, new Reporter(count, started));
        } else {
            mismatches = fuzzer.runSeeds(programs, new Reporter(programs.size(), started));
            for (long program : programs) {
                System.out.println(BatchSource.render("Repro", List.of(new ProgramGenerator(constructs).generate(program, 0))));
            }
        }
        Map<String, Integer> compilerBugs = new TreeMap<>();
        mismatches.stream().filter(Mismatch::compilerBug).forEach(bug -> compilerBugs.merge(bug.compiler(), 1, Integer::sum));
        long real = mismatches.stream().filter(mismatch -> !mismatch.compilerBug()).count();
        System.out.printf("fuzz: %d programs, %d mismatches, compiler bugs %s%s, %.0f s%n", programs.isEmpty() ? count : programs.size(), real,
                compilerBugs, programs.isEmpty() ? " (seed " + seed + ")" : "", (System.nanoTime() - started) / 1e9);
        System.exit(real == 0 ? 0 : 1);
    }

    private static List<TestCompiler> compilers(String names) {
        List<TestCompiler> compilers = new ArrayList<>();
        for (String name : names.split(",")) {
            compilers.add(TestCompiler.named(name.trim()));
        }
        return compilers;
    }

    private static void runSource(Path file, List<TestCompiler> compilers) throws IOException {
        String name = file.getFileName().toString().replace(".java", "");
        try (DifferentialRunner runner = new DifferentialRunner(compilers)) {
            List<String> problems = runner.runSource(name, Files.readString(file));
            problems.forEach(problem -> System.out.println("MISMATCH " + problem));
            System.out.println("fuzz: " + file + ": " + problems.size() + " mismatches");
            System.exit(problems.isEmpty() ? 0 : 1);
        }
    }

    /**
     * Prints each mismatch as soon as its batch finishes (with the source of the first few), and
     * a progress line every {@value #PROGRESS_EVERY} programs, so that a run stopped early still
     * tells what it found.
     */
    private static final class Reporter implements Fuzzer.Progress {
        private static final int PROGRESS_EVERY = 1000;

        private final int total;
        private final long started;
        private int done;
        private int mismatches;

        Reporter(int total, long started) {
            this.total = total;
            this.started = started;
        }

        @Override
        public synchronized void finished(int programs, List<Mismatch> found) {
            for (Mismatch mismatch : found) {
                if (mismatch.compilerBug()) {
                    System.out.println("COMPILER BUG " + mismatch.compiler() + ": program seed " + mismatch.seed() + ": " + mismatch.problem()
                            + "\n  rerun: instrumenter/fuzz --program " + mismatch.seed());
                    continue;
                }
                System.out.println("MISMATCH " + mismatch + "\n  rerun: instrumenter/fuzz --program " + mismatch.seed());
                if (mismatches++ < SOURCES_SHOWN) {
                    System.out.println(mismatch.source());
                }
            }
            int before = done;
            done += programs;
            if (done / PROGRESS_EVERY != before / PROGRESS_EVERY || done == total) {
                System.out.printf("fuzz: %d/%d programs, %d mismatches, %.0f s%n", done, total, mismatches, (System.nanoTime() - started) / 1e9);
            }
            System.out.flush();
        }
    }
}
