package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/** Only locals read after a suspension point get a frame field; dead ones are not kept. */
class LiveLocalsTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                @Async
                static Coroutine<String> lean(String argument) {
                    String scratch = argument + "!";
                    int length = scratch.length();
                    double unused = 2.5;
                    Await.on(V.f(0));
                    long total = length;
                    for (int i = 0; i < 3; i++) {
                        total += Await.on(V.f(i));
                    }
                    String text = "t" + unused;
                    Await.on(V.f(text));
                    return Coroutine.of(total + text);
                }

                public static Coroutine<String> leanRun() {
                    return lean("abc");
                }

                @Async
                static Coroutine<String> handlerReadsALocal() {
                    String seen = "before";
                    String ignored = "x";
                    try {
                        Await.on(V.fail(new IllegalStateException(ignored)));
                        seen = "after";
                    } catch (IllegalStateException e) {
                        return Coroutine.of(seen + " " + e.getMessage());
                    }
                    return Coroutine.of(seen);
                }

                public static Coroutine<String> handlerRun() {
                    return handlerReadsALocal();
                }
            }
            """;

    @Test
    void deadLocalsAreNotKept() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "leanRun", "7t2.5");
        // scratch is dead at every await; argument and text share one String field, length and i one
        // int field; total's pending copy in the loop is restored from total itself
        assertEquals(Set.of("a0 Ljava/lang/String;", "i0 I", "d0 D", "j0 J"), fieldsOf("Main$lean$Coro"));
    }

    @Test
    void localsReadByAHandlerAreKept() throws Throwable {
        assertResult(Scenario.program(SOURCE), "handlerRun", "before x");
        assertEquals(Set.of("a0 Ljava/lang/String;"), fieldsOf("Main$handlerReadsALocal$Coro"));
    }

    private static Set<String> fieldsOf(String framePrefix) throws InstrumentationException {
        Map<String, byte[]> classes = Instrumented.instrumentAll(
                InMemoryCompiler.compile(Map.of("Main.java", SOURCE, "V.java", Scenario.HELPER)));
        for (Map.Entry<String, byte[]> each : classes.entrySet()) {
            if (each.getKey().startsWith(framePrefix)) {
                ClassNode frame = new ClassNode();
                new ClassReader(each.getValue()).accept(frame, 0);
                Set<String> names = new TreeSet<>();
                for (FieldNode field : frame.fields) {
                    names.add(field.name + " " + field.desc);
                }
                return names;
            }
        }
        throw new AssertionError("no frame class " + framePrefix);
    }
}
