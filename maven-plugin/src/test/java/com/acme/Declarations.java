package com.acme;

import org.coro4j.Async;
import org.coro4j.Coroutine;

/**
 * Declaration problems whose lines the class file does not record: the declarations span several
 * lines, carry annotations and comments, and are separated from their first statements.
 */
public abstract class Declarations {

    private final int size;

    /** A constructor spread over lines, as {@link #Declarations(int)} names it. */
    public
    Declarations(
            int size) {
        this.size = size;
    }

    /** Mentions guarded() in its comment: only the declaration counts. */
    @Async
    static synchronized Coroutine<Integer> guarded( // a comment naming guarded(
            int times,
            int step) {

        int total = times * step;
        return Coroutine.of(total);
    }

    @Async
    abstract
    Coroutine<Void>
            shape(int corners);

    @Async
    static String named(
            String prefix) {
        return prefix + named("x".repeat(0)).length();
    }
}
