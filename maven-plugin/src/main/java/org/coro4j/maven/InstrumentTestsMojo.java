package org.coro4j.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Instruments the {@code @Async} methods of the test classes, in place, in the
 * {@code test-compile} phase, after javac compiled them.
 */
@Mojo(name = "instrument-tests", defaultPhase = LifecyclePhase.TEST_COMPILE, threadSafe = true)
public class InstrumentTestsMojo extends AbstractInstrumentMojo {

    /** The test classes directory. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    private File testClassesDirectory;

    /** The test source roots. */
    @Parameter(defaultValue = "${project.testCompileSourceRoots}", readonly = true, required = true)
    private List<String> testCompileSourceRoots;

    @Override
    protected File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    protected List<String> sourceRoots() {
        return testCompileSourceRoots;
    }

    @Override
    protected String goal() {
        return "instrument-tests";
    }
}
