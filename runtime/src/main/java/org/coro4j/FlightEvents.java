package org.coro4j;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The runtime's Flight Recorder events; loaded only once {@link FlightRecording#watch()} runs.
 * {@code org.coro4j.TaskCreated} and {@code org.coro4j.TaskFinished} are disabled in a recording
 * unless its settings enable them (one per task is a lot); {@code org.coro4j.SlowStep} is enabled.
 */
final class FlightEvents {
    private static final Set<Recording> RUNNING = Collections.newSetFromMap(new IdentityHashMap<>());

    private FlightEvents() {
    }

    /** Keeps {@link FlightRecording#active} true while any recording runs. */
    static void follow() {
        FlightRecorder.addListener(new FlightRecorderListener() {
            @Override
            public void recorderInitialized(FlightRecorder recorder) {
                for (Recording recording : recorder.getRecordings()) {
                    recordingStateChanged(recording);
                }
            }

            @Override
            public void recordingStateChanged(Recording recording) {
                synchronized (RUNNING) {
                    if (recording.getState() == RecordingState.RUNNING) {
                        RUNNING.add(recording);
                    } else {
                        RUNNING.remove(recording);
                    }
                    FlightRecording.active = !RUNNING.isEmpty();
                }
            }
        });
    }

    static void taskCreated(Task<?> task) {
        TaskCreated event = new TaskCreated();
        if (event.shouldCommit()) {
            event.task = task.getName();
            event.coroutine = String.valueOf(task.getCoro());
            event.commit();
        }
    }

    static void taskFinished(Task<?> task) {
        TaskFinished event = new TaskFinished();
        if (event.shouldCommit()) {
            event.task = task.getName();
            Throwable error = task.isCancelled() ? null : task.peekException();
            event.outcome = task.isCancelled() ? "cancelled" : error != null ? "exception" : "result";
            event.exception = error == null ? null : error.toString();
            event.commit();
        }
    }

    static void slowStep(String what, long nanos, String next) {
        SlowStep event = new SlowStep();
        if (event.shouldCommit()) {
            event.step = what;
            event.elapsed = nanos;
            event.suspendedAt = next;
            event.commit();
        }
    }

    @Name("org.coro4j.TaskCreated")
    @Label("Task Created")
    @Category("coro4j")
    @Description("A task was created")
    @Enabled(false)
    @StackTrace(false)
    static final class TaskCreated extends Event {
        @Label("Task")
        String task;
        @Label("Coroutine")
        String coroutine;
    }

    @Name("org.coro4j.TaskFinished")
    @Label("Task Finished")
    @Category("coro4j")
    @Description("A task finished: with a result, an exception, or cancelled")
    @Enabled(false)
    @StackTrace(false)
    static final class TaskFinished extends Event {
        @Label("Task")
        String task;
        @Label("Outcome")
        String outcome;
        @Label("Exception")
        String exception;
    }

    @Name("org.coro4j.SlowStep")
    @Label("Slow Step")
    @Category("coro4j")
    @Description("A task step or callback ran at least the loop's slow-callback duration, blocking the loop")
    @StackTrace(false)
    static final class SlowStep extends Event {
        @Label("Step")
        String step;
        @Label("Elapsed")
        @Timespan(Timespan.NANOSECONDS)
        long elapsed;
        @Label("Suspended Next At")
        String suspendedAt;
    }
}
