package org.coro4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.coro4j.instrumenter.Instrumenter;

/**
 * What the {@code instrument} and {@code instrument-tests} goals share: they differ only in the
 * classes directory, the source roots errors point into, and where their state is kept.
 */
public abstract class AbstractInstrumentMojo extends AbstractMojo {

    /** Skips instrumentation altogether. */
    @Parameter(property = "coro4j.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Ant-style patterns of class files to instrument, relative to the classes directory, for
     * example {@code com/acme/**}. Default: every class file.
     */
    @Parameter
    private List<String> includes;

    /** Ant-style patterns of class files never to instrument, for example {@code **}{@code /generated/**}. */
    @Parameter
    private List<String> excludes;

    /** Fails the build when a class misuses {@code @Async} or {@code Await.on}; when false, they are warnings. */
    @Parameter(property = "coro4j.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Logs every class file written. */
    @Parameter(property = "coro4j.verbose", defaultValue = "false")
    private boolean verbose;

    /** The project directory; error paths are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    /** The project's build directory, which keeps the incremental state. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /** The class files to instrument in place. */
    protected abstract File classesDirectory();

    /** The source roots the classes were compiled from. */
    protected abstract List<String> sourceRoots();

    /** The name of this goal, which names its state file. */
    protected abstract String goal();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("coro4j: instrumentation skipped (coro4j.skip)");
            return;
        }
        long start = System.nanoTime();
        Path stateFile = buildDirectory.toPath().resolve("coro4j").resolve(goal() + ".state");
        SourceLocator locator = new SourceLocator(baseDirectory.toPath(),
                sourceRoots().stream().map(Path::of).toList());
        DirectoryInstrumenter instrumenter = new DirectoryInstrumenter(new Instrumenter()::instrument,
                new ClassFileFilter(includes, excludes), locator, this::detail);
        RunSummary summary;
        try {
            InstrumentationState state = InstrumentationState.load(stateFile);
            summary = instrumenter.run(classesDirectory().toPath(), state);
            state.save();
        } catch (IOException e) {
            throw new MojoExecutionException("coro4j: cannot instrument " + classesDirectory() + ": " + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        getLog().info(summary.line(millis));
        summary.warnings().forEach(getLog()::warn);
        detail("coro4j: " + summary.unchanged() + " class files unchanged since the last run");
        report(summary.errors());
    }

    private void report(List<String> errors) throws MojoFailureException {
        if (errors.isEmpty()) {
            return;
        }
        for (String error : errors) {
            if (failOnError) {
                getLog().error(error);
            } else {
                getLog().warn(error);
            }
        }
        if (failOnError) {
            throw new MojoFailureException("coro4j: " + errors.size() + " problem(s) found; those classes were not instrumented:"
                    + System.lineSeparator() + String.join(System.lineSeparator(), errors));
        }
    }

    private void detail(String line) {
        if (verbose) {
            getLog().info(line);
        }
    }
}
