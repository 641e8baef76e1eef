package org.coro4j.instrumenter.fuzz.hidden;

/** The other public subclass of the package-private {@link Shape}. */
public final class Square extends Shape {
    /** A square named {@code name}. */
    public Square(String name) {
        super(name);
    }
}
