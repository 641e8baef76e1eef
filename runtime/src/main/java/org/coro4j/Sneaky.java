package org.coro4j;

/** Rethrows any throwable, checked ones included, without wrapping it. */
final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneak(Throwable error) throws E {
        throw (E) error;
    }
}
