package org.coro4j.instrumenter.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.coro4j.instrumenter.BatchCompiler;
import org.coro4j.instrumenter.TestCompiler;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes with class files of the newest version the running JDK writes ({@code --release 25} on
 * JDK 25), so that the instrumenter meets the class files javac emits for current releases.
 */
class NewestReleaseFuzzTest {
    private static final int RELEASE = Runtime.version().feature();

    @Test
    void compilesForTheRunningJdksRelease() {
        try (BatchCompiler compiler = new BatchCompiler(TestCompiler.named("javac-" + RELEASE))) {
            Map<String, byte[]> classes = compiler.compile(Map.of("Probe.java", "package fuzzgen; class Probe {}"));
            byte[] probe = classes.get("fuzzgen/Probe");
            int major = ((probe[6] & 0xFF) << 8) | (probe[7] & 0xFF);
            assertEquals(44 + RELEASE, major);
        }
    }

    @Test
    void generatedCoroutinesBehaveLikeTheirPlainTwins() throws Exception {
        List<Mismatch> mismatches = new Fuzzer(Construct.DEFAULTS, 60, 2, List.of(TestCompiler.named("javac-" + RELEASE + "-g"))).run(25_0917L, 60, (programs, found) -> { });
        assertTrue(mismatches.isEmpty(), () -> "--release " + RELEASE + ": " + mismatches.size() + " mismatches, first:\n"
                + mismatches.get(0) + "\n" + mismatches.get(0).source());
    }
}
