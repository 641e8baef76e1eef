package org.coro4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds the coroutines an exception passes through to its stack trace, as Python's traceback grows
 * while an exception propagates through awaiting coroutines. Only frames that were resumed from the
 * task's step loop need this: a coroutine awaited without suspending is on the Java stack already.
 * Each caller's element goes right below the elements already there for the coroutines it awaited,
 * just above the runtime's own resume frame, so the trace reads innermost first.
 */
final class CoroutineTrace {
    private static final String RESUME_CLASS = Continuation.class.getName();
    private static final String RESUME_METHOD = "resume";

    private CoroutineTrace() {
    }

    /** Records that {@code error} now propagates into {@code caller} at its current suspension point. */
    static void addCaller(Throwable error, Continuation<?> caller) {
        StackTraceElement[] trace = error.getStackTrace();
        int resume = indexOfResume(trace);
        if (resume < 0) {
            return;
        }
        List<StackTraceElement> grown = new ArrayList<>(Arrays.asList(trace));
        grown.add(resume, caller.stackTraceElement());
        error.setStackTrace(grown.toArray(new StackTraceElement[0]));
    }

    private static int indexOfResume(StackTraceElement[] trace) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getMethodName().equals(RESUME_METHOD) && trace[i].getClassName().equals(RESUME_CLASS)) {
                return i;
            }
        }
        return -1;
    }
}
