package org.coro4j.instrumenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Misuse and unsupported code are build errors that name the source file and line. */
class MisuseErrorTest {

    private static List<String> problems(String fileName, String source) {
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> Instrumented.of(Map.of(fileName, source)));
        return error.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void awaitInAMethodThatIsNotACoroutine() {
        List<String> problems = problems("Plain.java", """
                import org.coro4j.*;
                class Plain {
                    static String fetch(Future<String> f) {
                        return Await.on(f);
                    }
                }
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("Plain.java:4: Await.on is called in Plain.fetch(), which is not a coroutine"), problems.get(0));
    }

    @Test
    void asyncMethodMustReturnCoroutine() {
        List<String> problems = problems("Wrong.java", """
                import org.coro4j.*;
                class Wrong {
                    @Async
                    static String name() {
                        return "x";
                    }
                }
                """);
        assertEquals(List.of("Wrong.java:4: @Async method Wrong.name() must return Coroutine<T>, not java.lang.String"), problems);
    }

    @Test
    void awaitHoldingAMonitor() {
        List<String> problems = problems("Locked.java", """
                import org.coro4j.*;
                class Locked {
                    private final Object lock = new Object();
                    @Async
                    Coroutine<Void> run(Future<String> f) {
                        synchronized (lock) {
                            Await.on(f);
                        }
                        Await.on(f);
                        return Coroutine.done();
                    }
                }
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("Locked.java:7: Await.on inside a synchronized block"), problems.get(0));
    }

    @Test
    void synchronizedCoroutineMethod() {
        List<String> problems = problems("Sync.java", """
                import org.coro4j.*;
                class Sync {
                    @Async
                    synchronized Coroutine<Void> run() {
                        return Coroutine.done();
                    }
                }
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("Sync.java:4: @Async method Sync.run() is synchronized"), problems.get(0));
    }

    @Test
    void abstractAndNativeAsyncMethods() {
        List<String> problems = problems("Shapes.java", """
                import org.coro4j.*;
                abstract class Shapes {
                    @Async
                    abstract Coroutine<Void> draw();
                    @Async
                    native Coroutine<Void> paint();
                }
                """);
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).contains("@Async method Shapes.draw() is abstract"), problems.get(0));
        assertTrue(problems.get(1).contains("@Async method Shapes.paint() is native"), problems.get(1));
    }

    @Test
    void everyProblemInAClassIsReported() {
        List<String> problems = problems("Many.java", """
                import org.coro4j.*;
                class Many {
                    static void a(Future<String> f) {
                        Await.on(f);
                    }
                    static void b(Future<String> f) {
                        Await.on(f);
                    }
                }
                """);
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).startsWith("Many.java:4: "), problems.get(0));
        assertTrue(problems.get(1).startsWith("Many.java:7: "), problems.get(1));
    }

    @Test
    void awaitInALambdaThatDoesNotReturnACoroutine() {
        List<String> problems = problems("Callback.java", """
                import org.coro4j.*;
                class Callback {
                    static Runnable later(Future<String> f) {
                        return () -> System.out.println(
                                Await.on(f));
                    }
                }
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("Callback.java:5: Await.on is called in a lambda in Callback, which is not a coroutine"),
                problems.get(0));
    }

    @Test
    void abstractAsyncMethodOfAnInterface() {
        List<String> problems = problems("Service.java", """
                import org.coro4j.*;
                interface Service {
                    @Async
                    Coroutine<String> call();
                }
                """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("Service.java: @Async method Service.call() is abstract"), problems.get(0));
    }

    @Test
    void malformedClassFileIsAClearErrorNamingTheFile() {
        InstrumentationException notAClass = assertThrows(InstrumentationException.class,
                () -> new Instrumenter().instrument(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "out/Junk.class"));
        assertEquals("out/Junk.class: not a class file: it does not start with 0xCAFEBABE", notAClass.getMessage());
        byte[] valid = InMemoryCompiler.compile(Map.of("Cut.java", """
                import org.coro4j.*;
                class Cut {
                    @Async
                    static Coroutine<String> run(Future<String> f) {
                        return Coroutine.of(Await.on(f));
                    }
                }
                """)).get("Cut");
        InstrumentationException header = assertThrows(InstrumentationException.class,
                () -> new Instrumenter().instrument(Arrays.copyOf(valid, 8), "out/Cut.class"));
        assertEquals("out/Cut.class: not a valid class file: truncated: it is 8 bytes long, shorter than the 10-byte"
                + " header (magic, version, constant pool count)", header.getMessage());
        InstrumentationException twoBytes = assertThrows(InstrumentationException.class,
                () -> new Instrumenter().instrument(Arrays.copyOf(valid, 2), "out/Cut.class"));
        assertTrue(twoBytes.getMessage().startsWith("out/Cut.class: not a valid class file: truncated: it is 2 bytes long"),
                twoBytes.getMessage());
        InstrumentationException empty = assertThrows(InstrumentationException.class,
                () -> new Instrumenter().instrument(new byte[0], "out/Empty.class"));
        assertEquals("out/Empty.class: not a class file: it is empty", empty.getMessage());
        InstrumentationException unnamed = assertThrows(InstrumentationException.class,
                () -> new Instrumenter().instrument("text".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("(class file): not a class file: it does not start with 0xCAFEBABE", unnamed.getMessage());
        byte[] truncated = Arrays.copyOf(valid, valid.length - 40);
        InstrumentationException cut = assertThrows(InstrumentationException.class,
                () -> new Instrumenter().instrument(truncated, "out/Cut.class"));
        assertTrue(cut.getMessage().startsWith("out/Cut.class: not a valid class file: truncated or corrupt ("), cut.getMessage());
        byte[] future = valid.clone();
        future[7] = 71;
        InstrumentationException newer = assertThrows(InstrumentationException.class,
                () -> new Instrumenter().instrument(future, "out/Cut.class"));
        assertEquals("out/Cut.class: not a valid class file: Unsupported class file major version 71;"
                + " use a newer coro4j instrumenter or compile with an older --release", newer.getMessage());
    }

    @Test
    void allocationInAShapeNoCompilerWritesIsRejected() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "Odd", null, "java/lang/Object", null);
        writer.visitSource("Odd.java", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "run", "(Lorg/coro4j/Future;)Lorg/coro4j/Coroutine;", null, null);
        method.visitAnnotation("Lorg/coro4j/Async;", true).visitEnd();
        method.visitCode();
        Label start = new Label();
        method.visitLabel(start);
        method.visitLineNumber(7, start);
        method.visitTypeInsn(Opcodes.NEW, "java/lang/StringBuilder");
        method.visitInsn(Opcodes.DUP);
        method.visitInsn(Opcodes.DUP);
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, "org/coro4j/Await", "on", "(Lorg/coro4j/Future;)Ljava/lang/Object;", false);
        method.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V", false);
        method.visitInsn(Opcodes.ACONST_NULL);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> new Instrumenter().instrument(writer.toByteArray()));
        assertEquals("Odd.java:7: Await.on inside the arguments of new java.lang.StringBuilder(...) compiled in an unknown shape;"
                + " assign the awaited value to a local variable first", error.getMessage());
    }

    /** A coroutine of 2,500 {@code acc += Await.on(f);} statements, inside {@code try { } finally { acc++; }} if {@code guarded}. */
    private static String hugeCoroutine(String name, boolean guarded) {
        String statements = "        acc += Await.on(f);\n".repeat(2500);
        String body = guarded ? "        try {\n" + statements + "        } finally {\n            acc++;\n        }\n" : statements;
        return "import org.coro4j.*;\nclass " + name + " {\n    @Async\n    static Coroutine<Integer> run(Future<Integer> f) {\n"
                + "        int acc = 0;\n" + body + "        return Coroutine.of(acc);\n    }\n}\n";
    }

    @Test
    void coroutineTooLargeOnceInstrumentedIsABuildError() {
        List<String> problems = problems("Huge.java", hugeCoroutine("Huge", false));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("Huge.java:4: coroutine run() is too large once instrumented ("), problems.get(0));
        assertTrue(problems.get(0).endsWith(" bytes of code, over the JVM's 65535): each Await.on keeps the values live there;"
                + " split the method into smaller coroutines"), problems.get(0));
    }

    @Test
    void tooLargeBlamesFinallyBlocksOnlyWhenThereAreSome() {
        List<String> problems = problems("Guarded.java", hugeCoroutine("Guarded", true));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).endsWith(": each Await.on keeps the values live there, and javac copies finally blocks"
                + " to every exit; split the method into smaller coroutines"), problems.get(0));
    }
}
