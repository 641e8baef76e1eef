package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.named;
import static org.coro4j.Script.raise;
import static org.coro4j.Script.returning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flight Recorder events of tasks and slow steps, read back from a recording. */
class FlightEventsTest extends VirtualLoopTest {

    private static Set<String> fields(List<RecordedEvent> events, String type, String... names) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type))
                .map(e -> {
                    StringBuilder text = new StringBuilder();
                    for (String name : names) {
                        text.append(text.length() == 0 ? "" : " ").append((Object) e.getValue(name));
                    }
                    return text.toString();
                })
                .collect(Collectors.toSet());
    }

    @Test
    void aRecordingGetsTaskCreationCompletionAndSlowSteps(@TempDir Path dir) throws Exception {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(0);
        Path file = dir.resolve("tasks.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("org.coro4j.TaskCreated");
            recording.enable("org.coro4j.TaskFinished");
            recording.enable("org.coro4j.SlowStep");
            recording.start();
            Task<Object> ok = loop.createTask(named("ok", await(() -> Asyncio.sleep(1)), returning(() -> 1)), "ok");
            Task<Object> bad = loop.createTask(named("bad", raise(() -> new IllegalStateException("bad"))), "bad");
            Task<Object> cancelled = loop.createTask(named("slow", await(() -> Asyncio.sleep(5))), "cancelled");
            loop.callLater(2, cancelled::cancel);
            runMain(named("main", await(() -> Asyncio.gather(true, List.of(ok, bad, cancelled)))));
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);

        assertTrue(fields(events, "org.coro4j.TaskCreated", "task").containsAll(Set.of("ok", "bad", "cancelled")), events.toString());
        assertTrue(fields(events, "org.coro4j.TaskFinished", "task", "outcome", "exception").containsAll(Set.of(
                "ok result null", "bad exception java.lang.IllegalStateException: bad", "cancelled cancelled null")), events.toString());
        assertTrue(fields(events, "org.coro4j.SlowStep", "step").containsAll(Set.of("Task \"ok\"", "Task \"bad\"")), events.toString());
    }
}
