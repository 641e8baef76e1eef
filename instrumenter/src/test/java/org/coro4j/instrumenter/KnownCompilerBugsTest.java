package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The compiler bugs the differential fuzzer found, each in a coroutine: the compiler's own output
 * fails the JVM verifier before instrumentation, and is reported as that compiler's output.
 */
class KnownCompilerBugsTest {
    /** ECJ 3.40 compiles this loop's back-edge as a branch to itself (fuzz program -4445811552472095719). */
    private static final String ECJ_LOOP = """
            import org.coro4j.*;

            public class Main {
                static boolean b() { return false; }

                @Async
                public static Coroutine<String> loop() {
                    String s = Await.on(V.f("ok"));
                    while (b()) {
                        boolean v = !(true ? false : b());
                        if (v) { b(); }
                    }
                    return Coroutine.of(s);
                }
            }
            """;

    /**
     * javac 17 writes inconsistent stack-map frames for a do loop with {@code continue} followed by
     * a switch (JDK-8332934, fixed in JDK 25's javac; fuzz program 3441636069237204606).
     */
    private static final String JAVAC_DO_CONTINUE_SWITCH = """
            import org.coro4j.*;

            public class Main {
                static int i() { return 2; }
                static boolean b() { return false; }

                @Async
                public static Coroutine<String> loop() {
                    String s = Await.on(V.f("ok"));
                    do { int a = i(); continue; } while (b());
                    switch (i()) { case 0: int x = i(); break; case 1: break; case 3: break; }
                    return Coroutine.of(s);
                }
            }
            """;

    private static final String REJECTED = "Main.class as compiled by %s does not pass the JVM verifier, before instrumentation:"
            + " the compiler's output is invalid, not coro4j's (";

    @Test
    void ecjsSelfBranchingLoopIsReportedAsTheCompilersOutput() {
        UnverifiableInputException error = assertThrows(UnverifiableInputException.class,
                () -> Scenario.program(TestCompiler.ECJ_17, ECJ_LOOP));
        assertTrue(error.getMessage().startsWith(REJECTED.formatted("ecj-17")), error.getMessage());
    }

    @Test
    void javacCompilesTheSameLoopCorrectly() throws Throwable {
        assertResult(Scenario.program(TestCompiler.JAVAC_17, ECJ_LOOP), "loop", "ok");
    }

    /** The running javac may have the fix backported: then the coroutine must run correctly. */
    @Test
    void javacsDoLoopBeforeASwitchRunsOrIsReportedAsTheCompilersOutput() throws Throwable {
        TestCompiler javac = TestCompiler.named("javac-17");
        Instrumented program;
        try {
            program = Scenario.program(javac, JAVAC_DO_CONTINUE_SWITCH);
        } catch (UnverifiableInputException error) {
            assertTrue(error.getMessage().startsWith(REJECTED.formatted("javac-17")), error.getMessage());
            return;
        }
        assertResult(program, "loop", "ok");
    }
}
