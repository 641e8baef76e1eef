package org.coro4j.maven;

import java.util.List;

/**
 * The outcome of instrumenting one classes directory.
 *
 * @param methods coroutine methods rewritten
 * @param classes class files rewritten (generated continuation classes not counted)
 * @param unchanged class files skipped because they were handled before and not recompiled since
 * @param errors every problem, one line each, as {@code src/main/java/pkg/File.java:12: message}
 * @param warnings what to report without failing, as {@code src/main/java/pkg/File.java:12: warning: message}
 */
record RunSummary(int methods, int classes, int unchanged, List<String> errors, List<String> warnings) {

    /** An outcome without warnings. */
    RunSummary(int methods, int classes, int unchanged, List<String> errors) {
        this(methods, classes, unchanged, errors, List.of());
    }

    /** The summary line logged once per goal; it counts the warnings, if any. */
    String line(long millis) {
        String line = "coro4j: instrumented " + methods + " methods in " + classes + " classes (" + millis + " ms)";
        if (warnings.isEmpty()) {
            return line;
        }
        return line + ", " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings");
    }
}
