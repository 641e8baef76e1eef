package org.coro4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.coro4j.instrumenter.CoroutineSize;
import org.junit.jupiter.api.Test;

/** Large generated coroutines instrument, none growing over four times javac's size. */
class GrowthTest {

    @Test
    void largeCoroutinesAndTheFixedShapesInstrumentWithinFourTimesJavacsSize() {
        List<String> failed = new ArrayList<>();
        List<CoroutineSize> sizes = Growth.sizes(LargeCorpus.compile(6, 2), failed);
        assertEquals(List.of(), failed);
        List<String> names = new ArrayList<>();
        for (CoroutineSize size : sizes) {
            if (size.javacBytes() > 1_000) {
                names.add(size.method().substring(0, size.method().indexOf('(')));
                assertTrue(size.growth() <= 4.0, size.toString());
            }
        }
        assertEquals(List.of("appends", "run", "run", "run", "run", "run", "run", "sums", "wide"), names.stream().sorted().toList());
    }
}
