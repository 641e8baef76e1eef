package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The typed combinators: at run time they give typed results; at compile time (checked with javac
 * through javax.tools) they reject what the untyped forms let through, and every call that compiled
 * with the untyped forms still compiles.
 */
class TypedCombinatorTest extends VirtualLoopTest {

    @Test
    void gatherOfOneResultTypeGivesATypedList() {
        List<Integer> results = new ArrayList<>();
        runMain(script(Script.run(() -> {
            List<Task<Integer>> tasks = List.of(loop.createTask(sleeper(2, "a", 1)), loop.createTask(sleeper(1, "b", 2)));
            Future<List<Integer>> gathered = Asyncio.gather(tasks);
            gathered.addDoneCallback(f -> results.addAll(f.result()));
        }), await(() -> Asyncio.sleep(3))));
        assertEquals(List.of(1, 2), results);
        List<Object> coroutineResults = new ArrayList<>();
        runMain(script(await(() -> {
            List<Coroutine<String>> coroutines = List.of(script(returning(() -> "x")), script(returning(() -> "y")));
            Future<List<String>> gathered = Asyncio.gather(coroutines);
            return gathered;
        }, v -> coroutineResults.addAll((List<?>) v))));
        assertEquals(List.of("x", "y"), coroutineResults);
    }

    @Test
    void typedShieldAndWaitForKeepTheResultType() {
        CompletableFuture<Integer> stage = CompletableFuture.completedFuture(7);
        List<Object> results = new ArrayList<>();
        runMain(script(
                await(() -> {
                    Future<Integer> shielded = Asyncio.shield(stage);
                    return shielded;
                }, results::add),
                await(() -> {
                    Future<String> timed = Asyncio.waitFor(sleeper(1, "slept", "in time"), 2);
                    return timed;
                }, results::add)));
        assertEquals(List.of(7, "in time"), results);
    }

    private static final String HEADER = "import org.coro4j.*;\nimport java.util.*;\nimport java.util.concurrent.CompletableFuture;\n"
            + "import static org.coro4j.Asyncio.*;\nclass Snippet {\n"
            + "  void m(Task<Integer> intTask, Future<Integer> intFuture, Coroutine<Integer> intCoro,\n"
            + "         CompletableFuture<Integer> intStage, List<Task<Integer>> tasks, List<Coroutine<String>> coros,\n"
            + "         List<Object> objects, List<?> wildcard, Task<String> stringTask) throws Exception {\n";

    /** The javac errors for {@code body} inside a method whose parameters are typed awaitables; empty if it compiles. */
    private static List<String> compile(String body) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return HEADER + body + "\n  }\n}\n";
            }
        };
        List<String> options = List.of("-proc:none", "-d", System.getProperty("java.io.tmpdir") + "/coro4j-snippets",
                "-classpath", System.getProperty("java.class.path"));
        javac.getTask(null, null, diagnostics, options, null, List.of(source)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    }

    private static void assertCompiles(String body) {
        assertEquals(List.of(), compile(body), body);
    }

    private static void assertRejected(String body) {
        assertTrue(!compile(body).isEmpty(), "should not compile: " + body);
    }

    @Test
    void theTypedFormsRejectWhatTheUntypedOnesLetThrough() {
        assertRejected("String s = Await.on(shield(intTask));");
        assertRejected("shield(\"oops\");");
        assertRejected("String s = Await.on(waitFor(intTask, 1.0));");
        assertRejected("waitFor(\"oops\", 1.0);");
        assertRejected("Future<String> f = shield(intCoro);");
        assertRejected("Future<String> f = waitFor(intStage, 1.0);");
        assertRejected("List<String> r = Await.on(gather(tasks));");
        assertRejected("Future<List<Integer>> f = gather(coros);");
    }

    @Test
    void everyFormThatCompiledBeforeStillCompiles() {
        assertCompiles("Integer i = Await.on(shield(intTask)); Object o = Await.on(shield(intFuture));");
        assertCompiles("Future<Integer> a = shield(intCoro); Future<Integer> b = shield(intStage); Future<Object> c = shield(intTask);");
        assertCompiles("Future<Integer> a = waitFor(intTask, 1.0); Future<Object> b = waitFor(intCoro, 1.0); Future<Integer> c = waitFor(intStage, 1.0);");
        assertCompiles("Future<List<Object>> a = gather(intTask, stringTask, intCoro); Future<List<Object>> b = gather();");
        assertCompiles("Future<List<Object>> a = gather(tasks); Future<List<Object>> b = gather(objects); Future<List<Object>> c = gather(wildcard);");
        assertCompiles("Future<List<Object>> a = gather(List.of(intTask, intCoro)); Future<List<Object>> b = gather(true, tasks);");
        assertCompiles("List<Object> r = Await.on(gather(tasks)); Object o = Await.on(gather(objects)); var v = gather(tasks);");
        assertCompiles("Future<List<Integer>> a = gather(tasks); List<String> b = Await.on(gather(coros));");
        assertCompiles("Future<List<Integer>> a = gather(List.of(intTask, intCoro, intFuture));");
    }
}
