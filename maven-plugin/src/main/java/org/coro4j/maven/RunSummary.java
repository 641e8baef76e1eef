package org.coro4j.maven;

import java.util.List;

/**
 * The outcome of instrumenting one classes directory.
 *
 * @param methods coroutine methods rewritten
 * @param classes class files rewritten (generated continuation classes not counted)
 * @param unchanged class files skipped because they were handled before and not recompiled since
 * @param errors every problem, one line each, as {@code src/main/java/pkg/File.java:12: message}
 */
record RunSummary(int methods, int classes, int unchanged, List<String> errors) {

    /** The summary line logged once per goal. */
    String line(long millis) {
        return "coro4j: instrumented " + methods + " methods in " + classes + " classes (" + millis + " ms)";
    }
}
