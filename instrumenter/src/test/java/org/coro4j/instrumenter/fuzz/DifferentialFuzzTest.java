package org.coro4j.instrumenter.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A fixed-seed run of the differential fuzzer, every batch compiled by javac and by ECJ: generated
 * coroutines must behave exactly like their plain twins. Run more with {@code instrumenter/fuzz --count N}.
 */
class DifferentialFuzzTest {
    private static final long SEED = 4_2024_0611L;
    private static final int PROGRAMS = 300;

    /** What shows that a program uses each family that only some programs use. */
    private static final Map<Construct, Predicate<String>> SIGNS = Map.of(
            Construct.MANY_SITES, methods -> methods.split("Await\\.on\\(", -1).length > 100,
            Construct.HIDDEN_TYPES, methods -> methods.contains("var h") && methods.contains("Awaitables.pair("),
            Construct.BRIDGES, methods -> methods.contains("implements AsyncFunction<String, "),
            Construct.CANCELLATION, methods -> methods.contains("cancelling(\"") && methods.contains("catch (CancelledException"),
            Construct.INSTANCE_HELPERS, methods -> methods.matches("(?s).*class p\\d+I \\{.*") && methods.contains("this.p"),
            Construct.AWAITED_SLEEPS, methods -> methods.contains("Await.on(Asyncio.sleep(java.time.Duration"),
            Construct.AWAITED_EVENTS, methods -> methods.contains("Await.on(Awaitables.setAfter(")
                    && methods.contains("Await.on(Awaitables.cancellingEvent("));

    @Test
    void generatedCoroutinesBehaveLikeTheirPlainTwins() throws Exception {
        List<Mismatch> mismatches = new Fuzzer(Construct.DEFAULTS, 60, 2, Fuzzer.defaultCompilers()).run(SEED, PROGRAMS, (programs, found) -> { });
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches, first:\n" + mismatches.get(0) + "\n" + mismatches.get(0).source());
    }

    @Test
    void theFixedSeedGeneratesEveryFamily() {
        Set<Construct> all = EnumSet.allOf(Construct.class);
        ProgramGenerator generator = new ProgramGenerator(all);
        List<Construct> missing = new ArrayList<>(SIGNS.keySet());
        for (int i = 0; i < PROGRAMS && !missing.isEmpty(); i++) {
            String methods = generator.generate(Fuzzer.programSeed(SEED, i), i).methods();
            missing.removeIf(family -> SIGNS.get(family).test(methods));
        }
        assertEquals(List.of(), missing, "families no program of the fixed seed uses");
    }

    @Test
    void theSameSeedGeneratesTheSameProgram() {
        ProgramGenerator generator = new ProgramGenerator(EnumSet.allOf(Construct.class));
        assertEquals(generator.generate(7, 1), generator.generate(7, 1));
    }
}
