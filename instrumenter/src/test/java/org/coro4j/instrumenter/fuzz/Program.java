package org.coro4j.instrumenter.fuzz;

/**
 * One generated program: its methods in both renderings (the coroutines, their plain twins and two
 * entry points, {@code a<index>} running the coroutine on a virtual clock loop and
 * {@code s<index>} running the twin), and the seed that generates it again.
 */
record Program(long seed, int index, String methods) {
    /** The entry that runs the coroutine. */
    String asyncEntry() {
        return "a" + index;
    }

    /** The entry that runs the plain twin. */
    String syncEntry() {
        return "s" + index;
    }
}
