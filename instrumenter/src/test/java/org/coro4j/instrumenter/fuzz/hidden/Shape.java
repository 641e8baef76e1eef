package org.coro4j.instrumenter.fuzz.hidden;

/**
 * A class generated code cannot access (package-private, in another package) yet meets as the
 * type of its values: the least upper bound of {@link Circle} and {@link Square}, and the return
 * type of {@link Shapes#any}. Compilers write it into stack map frames, so instrumented code must
 * keep such values across awaits without naming the class where the JVM checks access.
 */
abstract class Shape {
    private final String name;

    Shape(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ":" + name;
    }
}
