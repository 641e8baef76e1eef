package org.coro4j.instrumenter.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The state shared while one program is generated: its random source, the enabled construct
 * families, the helper coroutines written so far and a counter for fresh names.
 */
final class ProgramContext {
    private final Random random;
    private final Set<Construct> constructs;
    private final String prefix;
    private final List<Helper> helpers = new ArrayList<>();
    private int names;
    private boolean cancels;
    private boolean nestedTypes;

    /**
     * A helper coroutine of the program and the types of its parameters; a {@code bridge} is the
     * {@code apply(String)} method of the nested class {@code name}, implementing
     * {@code AsyncFunction<String, returnType>} (its twin {@code Function}). A helper with an
     * {@code owner} is an instance method of that nested class; its twin is static all the same.
     */
    record Helper(String name, ValueType returnType, List<ValueType> parameters, boolean bridge, String owner) {
    }

    ProgramContext(long seed, Set<Construct> constructs, String prefix) {
        this.random = new Random(seed);
        this.constructs = constructs;
        this.prefix = prefix;
    }

    /** Whether {@code construct} may be generated. */
    boolean has(Construct construct) {
        return constructs.contains(construct);
    }

    /** Whether every one of {@code required} may be generated. */
    boolean hasAll(Set<Construct> required) {
        return constructs.containsAll(required);
    }

    /** A name not used before in this program, such as {@code v12}. */
    String fresh(String kind) {
        return kind + names++;
    }

    /** The prefix of every method name of this program. */
    String prefix() {
        return prefix;
    }

    /** Whether some awaits of this program are points where its task is cancelled. */
    boolean cancels() {
        return cancels;
    }

    void setCancels(boolean cancels) {
        this.cancels = cancels;
    }

    /** Whether the program uses its private nested class hierarchy, which must then be declared. */
    boolean nestedTypes() {
        return nestedTypes;
    }

    /** Notes that the program uses its private nested class hierarchy. */
    void useNestedTypes() {
        nestedTypes = true;
    }

    /** The helpers written so far: a new method may await only these, so there is no recursion. */
    List<Helper> helpers() {
        return helpers;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A number in {@code [0, bound)}. */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** A number in {@code [low, high]}. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    final <T> T pickOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    ValueType anyType() {
        return pickOf(ValueType.values());
    }
}
