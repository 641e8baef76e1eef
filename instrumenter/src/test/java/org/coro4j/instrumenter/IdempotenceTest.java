package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/** Classes without coroutines are left alone, and instrumenting twice changes nothing. */
class IdempotenceTest {

    @Test
    void classWithoutCoroutinesIsUnchanged() throws Exception {
        byte[] plain = InMemoryCompiler.compile(Map.of("Plain.java", "class Plain { int twice(int x) { return 2 * x; } }")).get("Plain");
        assertFalse(new Instrumenter().instrument(plain).changed());
    }

    @Test
    void secondRunChangesNothing() throws Exception {
        InstrumentedClass first = new Instrumenter().instrument(twice());
        assertTrue(first.changed());
        assertFalse(new Instrumenter().instrument(first.classes().get("Twice")).changed());
    }

    private static byte[] twice() {
        return InMemoryCompiler.compile(Map.of("Twice.java", """
                import org.coro4j.*;
                class Twice {
                    @Async
                    static Coroutine<Integer> one() {
                        return Coroutine.of(1);
                    }
                }
                """)).get("Twice");
    }

    /**
     * The agent carries the instrumenter relocated to another package, string constants included,
     * and must still recognise what the plugin's unrelocated instrumenter wrote: the marker must not
     * be named in the instrumenter's package.
     */
    @Test
    void theInstrumentedMarkerIsNotNamedInTheInstrumentersPackage() throws Exception {
        ClassNode written = new ClassNode();
        new ClassReader(new Instrumenter().instrument(twice()).classes().get("Twice")).accept(written, 0);
        String instrumenterPackage = "L" + Instrumenter.class.getPackageName().replace('.', '/') + "/";
        List<String> markers = written.invisibleAnnotations.stream().map(annotation -> annotation.desc).toList();

        assertEquals(1, markers.size(), markers.toString());
        assertFalse(markers.get(0).startsWith(instrumenterPackage), markers.get(0));
        assertTrue(markers.get(0).startsWith("Lorg/coro4j/"), markers.get(0));
    }
}
