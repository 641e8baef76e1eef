package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A class that fails the JVM verifier as its compiler wrote it is reported as that compiler's
 * output, before instrumentation, so that nobody looks for the bug in coro4j. ECJ 3.40 leaves out
 * the {@code checkcast} of a switch expression whose case is a generic call, used directly in a
 * string concatenation; javac compiles the same source correctly.
 */
class UnverifiableInputTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.util.*;

            public class Main {
                @Async
                public static Coroutine<String> concatenation() {
                    List<String> names = List.of(Await.on(V.f("n")));
                    int i = Await.on(V.f(1));
                    return Coroutine.of("x" + switch (i) { case 1 -> names.get(0); default -> "s"; });
                }
            }
            """;

    @Test
    void ecjsUnverifiableClassIsReportedAsTheCompilersOutput() {
        UnverifiableInputException error = assertThrows(UnverifiableInputException.class,
                () -> Scenario.program(TestCompiler.ECJ_17, SOURCE));
        assertTrue(error.getMessage().startsWith("Main.class as compiled by ecj-17 does not pass the JVM verifier,"
                + " before instrumentation: the compiler's output is invalid, not coro4j's (Bad type on operand stack"), error.getMessage());
        assertTrue(error.getMessage().contains("Main.concatenation()"), error.getMessage());
    }

    @Test
    void theSameSourceCompiledByJavacRuns() throws Throwable {
        assertResult(Scenario.program(TestCompiler.JAVAC_17, SOURCE), "concatenation", "xn");
    }

    @Test
    void verifiedInputIsCheckedWithoutRunningIt() {
        Map<String, byte[]> compiled = InMemoryCompiler.compile(TestCompiler.ECJ_17, Map.of("Loud.java",
                "public class Loud { static { if (true) throw new IllegalStateException(\"ran\"); } }"));
        Instrumented.verifyAsCompiled(compiled, TestCompiler.ECJ_17);
    }
}
