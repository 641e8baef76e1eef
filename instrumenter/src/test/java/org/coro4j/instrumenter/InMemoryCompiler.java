package org.coro4j.instrumenter;

import java.util.List;
import java.util.Map;

/** Compiles Java sources held in strings with javac, once, returning class files by internal name. */
final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    /**
     * Compiles {@code sources} (file name to text) against the test class path.
     *
     * @return class file bytes by internal name ({@code pkg/Outer$Inner})
     */
    static Map<String, byte[]> compile(Map<String, String> sources, String... options) {
        try (BatchCompiler compiler = new BatchCompiler(List.of(options))) {
            return compiler.compile(sources);
        }
    }
}
