package org.coro4j.instrumenter.fuzz.hidden;

/** A public subclass of the package-private {@link Shape}. */
public final class Circle extends Shape {
    /** A circle named {@code name}. */
    public Circle(String name) {
        super(name);
    }
}
