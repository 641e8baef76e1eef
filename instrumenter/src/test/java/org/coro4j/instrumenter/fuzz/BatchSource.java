package org.coro4j.instrumenter.fuzz;

import java.util.List;

/** Puts the methods of several {@link Program}s into one compilation unit of package {@code fuzzgen}. */
final class BatchSource {
    /** The package of generated classes. */
    static final String PACKAGE = "fuzzgen";

    private static final String HEADER = """
            package fuzzgen;

            import org.coro4j.Async;
            import org.coro4j.AsyncFunction;
            import org.coro4j.AsyncSupplier;
            import org.coro4j.Asyncio;
            import org.coro4j.Await;
            import org.coro4j.CancelledException;
            import org.coro4j.Coroutine;
            import org.coro4j.EventLoop;
            import org.coro4j.instrumenter.fuzz.Awaitables;
            import org.coro4j.instrumenter.fuzz.FuzzCheckedException;
            import org.coro4j.instrumenter.fuzz.FuzzException;
            import org.coro4j.instrumenter.fuzz.Trace;
            import org.coro4j.instrumenter.fuzz.TracedResource;
            import org.coro4j.instrumenter.fuzz.hidden.Circle;
            import org.coro4j.instrumenter.fuzz.hidden.Shapes;
            import org.coro4j.instrumenter.fuzz.hidden.Square;

            """;

    private BatchSource() {
    }

    /** The source of class {@code simpleName} holding every method of {@code programs}. */
    static String render(String simpleName, List<Program> programs) {
        StringBuilder source = new StringBuilder(HEADER);
        source.append("@SuppressWarnings(\"all\")\npublic final class ").append(simpleName).append(" {\n");
        for (Program program : programs) {
            source.append(program.methods());
        }
        return source.append("}\n").toString();
    }
}
