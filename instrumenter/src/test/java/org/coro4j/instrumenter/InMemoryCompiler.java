package org.coro4j.instrumenter;

import java.util.List;
import java.util.Map;

/**
 * Compiles Java sources held in strings, once, returning class files by internal name; by default
 * with {@link TestCompiler#current()}, the compiler this run of the test suite is for.
 */
final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    /**
     * Compiles {@code sources} (file name to text) with the current compiler against the test class path.
     *
     * @return class file bytes by internal name ({@code pkg/Outer$Inner})
     */
    static Map<String, byte[]> compile(Map<String, String> sources, String... options) {
        return compile(TestCompiler.current(), sources, options);
    }

    /** Compiles {@code sources} with {@code compiler} and its {@code options}. */
    static Map<String, byte[]> compile(TestCompiler compiler, Map<String, String> sources, String... options) {
        try (BatchCompiler batch = new BatchCompiler(compiler, List.of(options))) {
            return batch.compile(sources);
        }
    }
}
