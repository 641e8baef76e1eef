package org.coro4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.coro4j.instrumenter.Instrumenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs every coro4j benchmark workload once at a tiny size and checks what it computed. */
class WorkloadSmokeTest {

    @Test
    void spawnGathersEveryCreatedTaskResult() {
        assertEquals(1_000L * 999 / 2, Spawn.runTasks(1_000));
    }

    @Test
    void spawnGathersEveryCoroutineResult() {
        assertEquals(1_000L * 999 / 2, Spawn.runCoroutines(1_000));
    }

    @Test
    void switchCompletesEveryYield() {
        assertEquals(20L * 30, Switch.run(20, 30));
    }

    @ParameterizedTest(name = "on an Event: {0}")
    @ValueSource(booleans = {true, false})
    void suspendedMemorySuspendsThenResumesEveryTask(boolean onEvent) {
        SuspendedMemory.Footprint footprint = SuspendedMemory.measure(2_000, onEvent);
        assertEquals(2_000, footprint.suspended());
        assertEquals(2_000, footprint.resumed());
        assertTrue(footprint.bytesPerTask() > 0, "a suspended task retains some heap: " + footprint);
    }

    @Test
    void everyFailedTaskIsReportedAndNoneIsKept() {
        FailedTaskMemory.Retained retained = FailedTaskMemory.measure(2_000);
        assertEquals(2_000, retained.tasks());
        assertEquals(2_000, retained.reported());
    }

    @Test
    void asyncFibonacciMatchesPlainRecursion() {
        assertEquals(6_765, Fib.plain(20));
        assertEquals(Fib.plain(20), Fib.async(20));
    }

    @Test
    void everyCorpusClassIsInstrumented() {
        List<byte[]> corpus = Corpus.compile(3);
        assertEquals(3, corpus.size());
        assertEquals(3 * 4, Instrumentation.instrumentAll(new Instrumenter(), corpus));
    }
}
