package org.coro4j.instrumenter.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fixed-seed run of the differential fuzzer: generated coroutines must behave exactly like their
 * plain twins. Run more with {@code instrumenter/fuzz --count N}.
 */
class DifferentialFuzzTest {
    private static final long SEED = 4_2024_0611L;
    private static final int PROGRAMS = 300;

    @Test
    void generatedCoroutinesBehaveLikeTheirPlainTwins() throws Exception {
        List<Mismatch> mismatches = new Fuzzer(Construct.DEFAULTS, 60, 2, Fuzzer.defaultCompilers()).run(SEED, PROGRAMS, done -> { });
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches, first:\n" + mismatches.get(0) + "\n" + mismatches.get(0).source());
    }

    @Test
    void theSameSeedGeneratesTheSameProgram() {
        ProgramGenerator generator = new ProgramGenerator(Construct.DEFAULTS);
        assertEquals(generator.generate(7, 1), generator.generate(7, 1));
    }
}
