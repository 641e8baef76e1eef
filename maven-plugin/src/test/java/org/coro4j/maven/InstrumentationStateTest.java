package org.coro4j.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentationStateTest {

    @TempDir
    Path dir;

    @Test
    void recordedStampsSurviveSaveAndLoad() throws Exception {
        Path file = dir.resolve("coro4j/instrument.state");
        InstrumentationState state = InstrumentationState.load(file);
        assertFalse(state.isUnchanged("a/B.class", new FileStamp(10, 20)));
        state.record("a/B.class", new FileStamp(10, 20));
        state.record("a/C D.class", new FileStamp(1, 2));
        state.save();

        InstrumentationState loaded = InstrumentationState.load(file);
        assertTrue(loaded.isUnchanged("a/B.class", new FileStamp(10, 20)));
        assertTrue(loaded.isUnchanged("a/C D.class", new FileStamp(1, 2)));
        assertFalse(loaded.isUnchanged("a/B.class", new FileStamp(10, 21)));
        assertFalse(loaded.isUnchanged("a/B.class", new FileStamp(11, 20)));
    }

    @Test
    void forgottenAndDeletedPathsAreNoLongerUnchanged() throws Exception {
        InstrumentationState state = InstrumentationState.load(dir.resolve("s"));
        state.record("A.class", new FileStamp(1, 1));
        state.record("B.class", new FileStamp(1, 1));
        state.forget("A.class");
        state.retainOnly(Set.of("A.class"));
        assertFalse(state.isUnchanged("A.class", new FileStamp(1, 1)));
        assertFalse(state.isUnchanged("B.class", new FileStamp(1, 1)));
    }

    @Test
    void aCorruptStateFileMeansAFullRun() throws Exception {
        Path file = dir.resolve("s");
        Files.writeString(file, "10 twenty A.class\n");
        assertFalse(InstrumentationState.load(file).isUnchanged("A.class", new FileStamp(10, 20)));
    }
}
