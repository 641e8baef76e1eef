package org.coro4j;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Times each task step and callback of a loop in debug mode or while a flight recording runs, and
 * reports those that took at least the loop's slow-callback duration [Python: debug mode's
 * "Executing ... took ... seconds"]: a warning on the {@code org.coro4j} logger in debug mode, a
 * {@code org.coro4j.SlowStep} event to the recording.
 */
final class SlowSteps {
    private SlowSteps() {
    }

    /** Reports {@code item}, one entry of the loop's ready queue that ran from {@code startNanos}, if it was slow. */
    static void finished(EventLoop loop, Object item, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        if (nanos < loop.getSlowCallbackDuration() * 1e9) {
            return;
        }
        String what = describe(item);
        String next = item instanceof Task<?> task ? nextSuspension(task) : null;
        if (loop.isDebug()) {
            String after = !(item instanceof Task<?> task) ? "" : task.isDone() ? "; it finished" : "; it suspended next at " + next;
            Diagnostics.logger().log(System.Logger.Level.WARNING,
                    String.format(Locale.ROOT, "Executing %s took %.3f seconds%s", what, nanos / 1e9, after));
        }
        if (FlightRecording.active) {
            FlightEvents.slowStep(what, nanos, next);
        }
    }

    private static String describe(Object item) {
        if (item instanceof Task<?> task) {
            return CallGraphs.describe(task);
        }
        if (item instanceof Consumer<?> callback) {
            return "done callback " + callback;
        }
        return "callback " + item;
    }

    /** {@code File.java:line} of the innermost frame {@code task} is suspended in, or null if it is done. */
    private static String nextSuspension(Task<?> task) {
        List<StackTraceElement> stack = task.getStack();
        if (stack.isEmpty()) {
            return null;
        }
        StackTraceElement frame = stack.get(0);
        return (frame.getFileName() != null ? frame.getFileName() : frame.getClassName()) + ":" + frame.getLineNumber();
    }
}
