package org.coro4j.instrumenter;

import static org.coro4j.instrumenter.Scenario.assertResult;

import org.junit.jupiter.api.Test;

/**
 * try/catch/finally and try-with-resources around, inside and after awaits: each awaited failure
 * reaches the handler the source says, as the very exception object that failed the future.
 */
class ExceptionsAcrossAwaitTest {
    private static final String SOURCE = """
            import org.coro4j.*;
            import java.io.*;
            import java.util.*;

            public class Main {
                static final IOException DISK = new IOException("disk");
                static final IllegalStateException STATE = new IllegalStateException("state");
                static final List<String> LOG = new ArrayList<>();

                static final class Resource implements AutoCloseable {
                    final String name;

                    Resource(String name) {
                        this.name = name;
                        LOG.add("open " + name);
                    }

                    @Override
                    public void close() throws IOException {
                        LOG.add("close " + name);
                        if (name.startsWith("bad")) {
                            throw new IOException("close " + name);
                        }
                    }
                }

                @Async
                static Coroutine<String> throwing(Throwable error) {
                    Await.on(V.f(0));
                    throw Main.<RuntimeException>sneak(error);
                }

                @SuppressWarnings("unchecked")
                static <E extends Throwable> E sneak(Throwable error) throws E {
                    throw (E) error;
                }

                @Async
                public static Coroutine<String> rightHandlerGetsTheSameInstance() {
                    LOG.clear();
                    try {
                        try {
                            Await.on(V.fail(DISK));
                            LOG.add("not here");
                        } catch (IllegalStateException e) {
                            LOG.add("wrong handler");
                        }
                    } catch (Exception e) {
                        LOG.add("outer " + (e == DISK));
                    }
                    try {
                        Await.on(throwing(STATE));
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        LOG.add("multi " + (e == STATE));
                    }
                    try {
                        Await.on(V.fail(DISK));
                    } catch (Exception e) {
                        try {
                            Await.on(V.fail(STATE));
                        } catch (RuntimeException inner) {
                            LOG.add("nested " + (e == DISK) + " " + (inner == STATE));
                        }
                    }
                    return Coroutine.of(String.join(",", LOG));
                }

                @Async
                public static Coroutine<String> awaitsInCatchAndFinally() {
                    LOG.clear();
                    int n = 0;
                    for (int i = 0; i < 3; i++) {
                        try {
                            n += Await.on(V.f(1));
                            if (i == 1) {
                                Await.on(throwing(STATE));
                            }
                            LOG.add("try " + i);
                        } catch (IllegalStateException e) {
                            n += Await.on(V.f(10));
                            LOG.add("catch " + i + " " + (e == STATE));
                        } finally {
                            n += Await.on(V.co(100));
                            LOG.add("finally " + i);
                        }
                    }
                    return Coroutine.of(n + ":" + String.join(",", LOG));
                }

                @Async
                static Coroutine<String> finallyOnReturnAndThrow(boolean fail) {
                    try {
                        if (fail) {
                            Await.on(V.fail(DISK));
                        }
                        return Coroutine.of("returned " + Await.on(V.f(1)));
                    } finally {
                        LOG.add("finally " + Await.on(V.f(fail)));
                    }
                }

                @Async
                public static Coroutine<String> finallyRunsOnEveryExit() {
                    LOG.clear();
                    String first = Await.on(finallyOnReturnAndThrow(false));
                    Throwable second = null;
                    try {
                        Await.on(finallyOnReturnAndThrow(true));
                    } catch (Throwable e) {
                        second = e;
                    }
                    return Coroutine.of(first + " " + (second == DISK) + " " + LOG);
                }

                @Async
                public static Coroutine<String> tryWithResources() {
                    LOG.clear();
                    try (Resource a = new Resource(Await.on(V.f("a"))); Resource b = new Resource("b" + Await.on(V.co(1)))) {
                        LOG.add("body " + a.name + Await.on(V.f(b.name)));
                    } catch (IOException e) {
                        LOG.add("unexpected");
                    }
                    try (Resource bad = new Resource("bad")) {
                        Await.on(V.fail(STATE));
                    } catch (IllegalStateException | IOException e) {
                        LOG.add("caught " + (e == STATE) + " suppressed " + e.getSuppressed()[0].getMessage());
                    }
                    return Coroutine.of(String.join(",", LOG));
                }

                @Async
                public static Coroutine<String> checkedExceptionEscapesUnwrapped() {
                    try {
                        Await.on(throwing(DISK));
                        return Coroutine.of("no");
                    } catch (Exception e) {
                        return Coroutine.of(e == DISK ? "same" : "other " + e);
                    }
                }

                @Async
                public static Coroutine<String> rethrownThroughSeveralCoroutines() {
                    try {
                        Await.on(rethrowing(2));
                        return Coroutine.of("no");
                    } catch (IOException e) {
                        return Coroutine.of((e == DISK) + " " + e.getMessage());
                    }
                }

                @Async
                static Coroutine<String> rethrowing(int depth) throws IOException {
                    try {
                        return Coroutine.of(Await.on(depth == 0 ? throwing(DISK) : rethrowing(depth - 1)));
                    } catch (Exception e) {
                        Await.on(V.f(depth));
                        throw e;
                    }
                }
            }
            """;

    @Test
    void awaitedFailuresReachTheRightHandler() throws Throwable {
        Instrumented program = Scenario.program(SOURCE);
        assertResult(program, "rightHandlerGetsTheSameInstance", "outer true,multi true,nested true true");
        assertResult(program, "awaitsInCatchAndFinally",
                "313:try 0,finally 0,catch 1 true,finally 1,try 2,finally 2");
        assertResult(program, "finallyRunsOnEveryExit", "returned 1 true [finally false, finally true]");
        assertResult(program, "tryWithResources",
                "open a,open b1,body ab1,close b1,close a,open bad,close bad,caught true suppressed close bad");
        assertResult(program, "checkedExceptionEscapesUnwrapped", "same");
        assertResult(program, "rethrownThroughSeveralCoroutines", "true disk");
    }
}
