package org.coro4j.instrumenter.fuzz.hidden;

/** Public methods whose declared return type is the package-private {@link Shape}. */
public final class Shapes {
    private Shapes() {
    }

    /** A circle or a square named {@code name}, typed as the inaccessible {@link Shape}. */
    public static Shape any(String name) {
        return name.length() % 2 == 0 ? new Circle(name) : new Square(name);
    }
}
