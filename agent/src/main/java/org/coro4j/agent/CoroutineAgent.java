package org.coro4j.agent;

import java.lang.instrument.Instrumentation;
import org.coro4j.instrumenter.Instrumenter;

/**
 * The {@code -javaagent:coro4j-agent.jar} entry point: instruments the {@code @Async} methods of
 * every class as it is loaded, for programs run outside a build that uses the Maven plugin (IDE
 * runs, tests launched by other tools). Classes instrumented at build time are left as they are.
 */
public final class CoroutineAgent {

    private CoroutineAgent() {
    }

    /**
     * Installs the transformer before {@code main} runs.
     *
     * @param arguments the text after {@code =} in the {@code -javaagent} option (unused)
     * @param instrumentation the JVM's instrumentation service
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        ClassDefiner definer = ClassDefiner.open(instrumentation);
        instrumentation.addTransformer(new CoroutineTransformer(new Instrumenter(), definer, System.err));
    }
}
