package org.coro4j.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Instruments the {@code @Async} methods of the main classes, in place. It runs in the
 * {@code compile} phase, after javac (Maven runs a packaging's own executions of a phase before
 * those a POM adds), so that {@code mvn compile}, as IDEs and {@code mvn compile exec:java} run
 * it, never leaves coroutines uninstrumented.
 */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class InstrumentMojo extends AbstractInstrumentMojo {

    /** The main classes directory. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    /** The main source roots. */
    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    private List<String> compileSourceRoots;

    @Override
    protected File classesDirectory() {
        return classesDirectory;
    }

    @Override
    protected List<String> sourceRoots() {
        return compileSourceRoots;
    }

    @Override
    protected String goal() {
        return "instrument";
    }
}
