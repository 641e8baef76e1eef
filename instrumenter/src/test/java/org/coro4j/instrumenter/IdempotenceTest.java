package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Classes without coroutines are left alone, and instrumenting twice changes nothing. */
class IdempotenceTest {

    @Test
    void classWithoutCoroutinesIsUnchanged() throws Exception {
        byte[] plain = InMemoryCompiler.compile(Map.of("Plain.java", "class Plain { int twice(int x) { return 2 * x; } }")).get("Plain");
        assertFalse(new Instrumenter().instrument(plain).changed());
    }

    @Test
    void secondRunChangesNothing() throws Exception {
        byte[] compiled = InMemoryCompiler.compile(Map.of("Twice.java", """
                import org.coro4j.*;
                class Twice {
                    @Async
                    static Coroutine<Integer> one() {
                        return Coroutine.of(1);
                    }
                }
                """)).get("Twice");
        InstrumentedClass first = new Instrumenter().instrument(compiled);
        assertTrue(first.changed());
        assertFalse(new Instrumenter().instrument(first.classes().get("Twice")).changed());
    }
}
