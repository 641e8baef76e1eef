package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every problem of a class is reported, at the right line, with advice that can be followed there. */
class ProblemReportTest {

    private static List<String> problems(String fileName, String source) {
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> Instrumented.of(Map.of(fileName, source)));
        return error.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aPlainMethodDoesNotHideAMonitorProblemInACoroutineOfTheSameClass() {
        List<String> problems = problems("Both.java", """
                import org.coro4j.*;
                class Both {
                    static String plain(Future<String> f) {
                        return Await.on(f);
                    }
                    @Async
                    static Coroutine<Void> locked(Future<String> f) {
                        synchronized (Both.class) {
                            Await.on(f);
                        }
                        return Coroutine.done();
                    }
                }
                """);
        assertEquals(List.of(
                "Both.java:4: Await.on is called in Both.plain(), which is not a coroutine: mark the method @Async"
                        + " and make it return Coroutine<T>",
                "Both.java:9: Await.on inside a synchronized block: a coroutine cannot hold a monitor across a suspension;"
                        + " use org.coro4j.Lock instead"), problems);
    }

    @Test
    void abstractAsyncMethodsAreReportedNearTheirDeclaration() {
        List<String> problems = problems("Shapes.java", """
                import org.coro4j.*;
                abstract class Shapes {
                    void before() {
                    }

                    @Async
                    abstract Coroutine<Void> draw();
                }
                """);
        assertEquals(List.of("Shapes.java:5: @Async method Shapes.draw() is abstract: only a method with a body can be"
                + " a coroutine; put @Async on the implementations"), problems);
    }

    @Test
    void anInterfaceWithoutAnyCodeIsReportedWithoutALine() {
        List<String> problems = problems("Service.java", """
                import org.coro4j.*;
                interface Service {
                    @Async
                    Coroutine<String> call();
                }
                """);
        assertEquals(List.of("Service.java: @Async method Service.call() is abstract: only a method with a body can be"
                + " a coroutine; put @Async on the implementations"), problems);
    }

    @Test
    void aSynchronizedCoroutineIsReportedAtItsDeclaration() {
        List<String> problems = problems("Sync.java", """
                import org.coro4j.*;
                class Sync {
                    @Async
                    synchronized Coroutine<Void> run() {
                        return Coroutine.done();
                    }
                }
                """);
        assertEquals(List.of("Sync.java:4: @Async method Sync.run() is synchronized: a coroutine cannot hold a monitor"
                + " across Await.on; use org.coro4j.Lock instead"), problems);
    }

    @Test
    void awaitInAConstructorOrStaticInitializerGetsAdviceThatCanBeFollowedThere() {
        List<String> problems = problems("Setup.java", """
                import org.coro4j.*;
                class Setup {
                    static final Object FIRST = Await.on(Asyncio.sleep(1.0));
                    final Object value;
                    Setup(Future<Object> f) {
                        value = Await.on(f);
                    }
                }
                """);
        assertEquals(List.of(
                "Setup.java:3: Await.on is called in the static initializer of Setup, which cannot be a coroutine: move the"
                        + " awaiting code into an @Async method and await it from a coroutine, or run it with Asyncio.run",
                "Setup.java:6: Await.on is called in a constructor of Setup, which cannot be a coroutine: move the awaiting"
                        + " code into an @Async method (for example a static factory method that awaits, then calls the constructor)"),
                problems);
    }

    @Test
    void awaitInALambdaThatIsNotACoroutineSaysHowToMakeItOne() {
        List<String> problems = problems("Callback.java", """
                import org.coro4j.*;
                class Callback {
                    static Runnable later(Future<String> f) {
                        return () -> System.out.println(Await.on(f));
                    }
                }
                """);
        assertEquals(List.of("Callback.java:4: Await.on is called in a lambda in Callback, which is not a coroutine: make the"
                + " lambda return Coroutine<T> (implement a functional interface whose method returns Coroutine, such as"
                + " AsyncSupplier or AsyncFunction), or move the awaiting code into an @Async method"), problems);
    }

    @Test
    void aCoroutineOverHotSpotsLimitIsAWarningAtItsDeclarationWithItsSize() throws Exception {
        String statements = "        acc += Await.on(f);\n".repeat(300);
        String source = "import org.coro4j.*;\nclass Big {\n    @Async\n    static Coroutine<Integer> run(Future<Integer> f) {\n"
                + "        int acc = 0;\n" + statements + "        return Coroutine.of(acc);\n    }\n}\n";
        byte[] classFile = InMemoryCompiler.compile(Map.of("Big.java", source)).get("Big");

        InstrumentedClass result = new Instrumenter().instrument(classFile);

        assertTrue(result.changed());
        CoroutineSize size = result.sizes().get(0);
        assertTrue(size.javacBytes() < 4_000 && size.instrumentedBytes() > 8_000, size.toString());
        assertEquals(1, result.warnings().size());
        Matcher warning = Pattern.compile("Big\\.java:4: warning: coroutine run\\(\\) is ([0-9,]+) bytes once instrumented;"
                + " HotSpot does not JIT-compile methods over 8,000 bytes: split it").matcher(result.warnings().get(0).toString());
        assertTrue(warning.matches(), result.warnings().get(0).toString());
        assertEquals(size.instrumentedBytes(), Integer.parseInt(warning.group(1).replace(",", "")));
        assertEquals(new Problem.Declaration("run", 3, 5), result.warnings().get(0).declaration());
    }

    @Test
    void aSmallCoroutineHasNoWarning() throws Exception {
        byte[] classFile = InMemoryCompiler.compile(Map.of("Small.java", """
                import org.coro4j.*;
                class Small {
                    @Async
                    static Coroutine<Integer> run(Future<Integer> f) {
                        return Coroutine.of(Await.on(f) + 1);
                    }
                }
                """)).get("Small");
        assertEquals(List.of(), new Instrumenter().instrument(classFile).warnings());
    }
}
