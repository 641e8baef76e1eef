package org.coro4j.instrumenter.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.coro4j.instrumenter.BatchCompiler;
import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.Instrumented;
import org.coro4j.instrumenter.TestCompiler;
import org.coro4j.instrumenter.UnverifiableInputException;

/**
 * Runs a batch of programs differentially, once per compiler: compiles them into one class,
 * checks that the compiler's output verifies, instruments a copy,
 * runs each program's coroutine from the instrumented copy and its plain twin from the original,
 * and compares the outcomes with {@link TraceComparator}. When the batch as a whole fails to
 * compile, instrument or load, it is split until the failing programs are found. Programs run on a
 * worker thread with a time limit, so a miscompiled endless loop is reported, not waited for.
 * Not thread-safe: use one per thread.
 */
final class DifferentialRunner implements AutoCloseable {
    private static final long TIME_LIMIT_SECONDS = 20;

    private final List<BatchCompiler> compilers = new ArrayList<>();
    private ExecutorService worker = newWorker();
    private int batches;

    /** A runner compiling every batch with each of {@code compilers}. */
    DifferentialRunner(List<TestCompiler> compilers) {
        for (TestCompiler compiler : compilers) {
            this.compilers.add(new BatchCompiler(compiler));
        }
    }

    /**
     * Runs {@code programs} as compiled by each compiler; returns one {@link Mismatch} per program
     * and compiler that misbehaved.
     */
    List<Mismatch> run(List<Program> programs) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (BatchCompiler compiler : compilers) {
            mismatches.addAll(run(compiler, programs));
        }
        return mismatches;
    }

    private List<Mismatch> run(BatchCompiler compiler, List<Program> programs) {
        String name = "Batch" + batches++;
        Loaded loaded;
        try {
            loaded = load(compiler, name, BatchSource.render(name, programs));
        } catch (LoadFailure e) {
            return split(compiler, programs, e);
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (Program program : programs) {
            compare(loaded, program.asyncEntry(), program.syncEntry())
                    .ifPresent(problem -> mismatches.add(mismatch(compiler, program, problem, false)));
        }
        return mismatches;
    }

    /**
     * Runs a hand-written compilation unit of package {@code fuzzgen} declaring class
     * {@code simpleName}: each public static {@code aN(Trace)} against its {@code sN(Trace)}. Used
     * to minimise a mismatch by hand.
     */
    List<String> runSource(String simpleName, String source) {
        List<String> problems = new ArrayList<>();
        for (BatchCompiler compiler : compilers) {
            Loaded loaded;
            try {
                loaded = load(compiler, simpleName, source);
            } catch (LoadFailure e) {
                problems.add(compiler.compiler() + ": " + e.getMessage());
                continue;
            }
            for (Method method : loaded.async().getMethods()) {
                if (method.getName().matches("a\\d+")) {
                    String index = method.getName().substring(1);
                    compare(loaded, "a" + index, "s" + index)
                            .ifPresent(problem -> problems.add(compiler.compiler() + ": a" + index + ": " + problem));
                }
            }
        }
        return problems;
    }

    private Loaded load(BatchCompiler compiler, String simpleName, String source) throws LoadFailure {
        Map<String, byte[]> compiled;
        try {
            compiled = compiler.compile(Map.of(simpleName + ".java", source));
        } catch (IllegalArgumentException e) {
            throw new LoadFailure("the generator wrote code that does not compile: " + e.getMessage(), false);
        }
        Instrumented instrumented;
        try {
            instrumented = Instrumented.instrumenting(compiled, compiler.compiler());
        } catch (UnverifiableInputException e) {
            throw new LoadFailure(e.getMessage(), true);
        } catch (InstrumentationException | RuntimeException e) {
            throw new LoadFailure("the instrumenter failed: " + e, false);
        }
        String className = BatchSource.PACKAGE + "." + simpleName;
        try {
            return new Loaded(Class.forName(className, true, instrumented), Class.forName(className, true, Instrumented.plain(compiled)));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new LoadFailure("the instrumented class does not load: " + e, false);
        }
    }

    private Optional<String> compare(Loaded loaded, String asyncEntry, String syncEntry) {
        Outcome expected = run(loaded.sync(), syncEntry);
        Outcome actual = run(loaded.async(), asyncEntry);
        return TraceComparator.compare(expected, actual);
    }

    private List<Mismatch> split(BatchCompiler compiler, List<Program> programs, LoadFailure failure) {
        if (programs.size() == 1) {
            return List.of(mismatch(compiler, programs.get(0), failure.getMessage(), failure.compilerBug));
        }
        int half = programs.size() / 2;
        List<Mismatch> mismatches = new ArrayList<>(run(compiler, programs.subList(0, half)));
        mismatches.addAll(run(compiler, programs.subList(half, programs.size())));
        return mismatches;
    }

    private static Mismatch mismatch(BatchCompiler compiler, Program program, String problem, boolean compilerBug) {
        return new Mismatch(program.seed(), compiler.compiler().toString(), problem, BatchSource.render("Repro", List.of(program)), compilerBug);
    }

    private Outcome run(Class<?> owner, String entry) {
        Trace trace = new Trace();
        java.util.concurrent.Future<Object> result = worker.submit(() -> {
            Method method = owner.getMethod(entry, Trace.class);
            try {
                return method.invoke(null, trace);
            } catch (InvocationTargetException e) {
                throw new Thrown(e.getCause());
            }
        });
        try {
            return Outcome.returned(trace, result.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof Thrown thrown ? thrown.getCause() : e.getCause();
            return Outcome.threw(trace, cause);
        } catch (TimeoutException e) {
            worker.shutdownNow();
            worker = newWorker();
            return Outcome.hung(trace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + entry, e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzz-program");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
        compilers.forEach(BatchCompiler::close);
    }

    /** The instrumented class, and the same class as the compiler wrote it. */
    private record Loaded(Class<?> async, Class<?> sync) {
    }

    /** A batch that could not be compiled, instrumented or loaded. */
    private static final class LoadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        /** Whether the compiler's own output failed the verifier, before instrumentation. */
        final boolean compilerBug;

        LoadFailure(String message, boolean compilerBug) {
            super(message);
            this.compilerBug = compilerBug;
        }
    }

    /** Carries what a program threw out of the worker, so it is told apart from a failure to call it. */
    private static final class Thrown extends Exception {
        private static final long serialVersionUID = 1L;

        Thrown(Throwable cause) {
            super(cause);
        }
    }
}
