package org.coro4j.instrumenter.fuzz;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The construct families the generator can emit, each switched on or off on its own. The first
 * group decides which statements and expressions are generated at all; the {@code AWAIT_*} group
 * decides in which positions an {@code Await.on} may stand. {@link #DEFAULTS} are the families the
 * instrumenter supports today; a family it does not support yet is declared off by default and
 * switched on with {@code --enable} to try it.
 */
public enum Construct {
    /** {@code if} and {@code if/else} chains. */
    IF_ELSE(true),
    /** {@code for}, {@code while} and {@code do/while} loops with bounded trip counts. */
    LOOPS(true),
    /** {@code break} and {@code continue}, unlabelled and labelled. */
    JUMPS(true),
    /** {@code switch} statements on ints and strings, with fall-through and arrow forms. */
    SWITCH(true),
    /** {@code switch} expressions with {@code yield}. */
    SWITCH_EXPRESSIONS(true),
    /** The conditional operator, including branches of different types merged into {@code Object}. */
    TERNARY(true),
    /** {@code try/catch}, including multi-catch. */
    TRY_CATCH(true),
    /** {@code finally} blocks. */
    TRY_FINALLY(true),
    /** try-with-resources. */
    TRY_WITH_RESOURCES(true),
    /** {@code throw} statements, integer division by zero, and awaited futures that fail. */
    EXCEPTIONS(true),
    /** Checked exceptions delivered by failed futures. */
    CHECKED_EXCEPTIONS(true),
    /** Early {@code return} statements. */
    EARLY_RETURN(true),
    /** Helper {@code @Async} methods awaited by the program, each with a plain twin. */
    HELPER_COROUTINES(true),
    /**
     * Helper coroutines that are instance methods of a nested class of the program, private, final,
     * public or overridable, in a final class or not, awaited through a new receiver from the
     * program's static methods and through {@code this}, written or implicit, from each other.
     */
    INSTANCE_HELPERS(true),
    /**
     * {@code Await.on(Asyncio.sleep(d))} with no value, {@code d} a number (zero and negative
     * included) or a {@code Duration}: the await the instrumenter turns into
     * {@code Continuation.sleepAwaited}.
     */
    AWAITED_SLEEPS(true),
    /**
     * {@code Await.on(event.await())}, the await the instrumenter turns into
     * {@code Continuation.eventAwaited}: of an event set at once or by a timer, and with
     * {@link #CANCELLATION} of one nobody sets, where the task is cancelled.
     */
    AWAITED_EVENTS(true),
    /** Lambdas of type {@code AsyncSupplier} that await, themselves awaited. */
    LAMBDAS(true),
    /** Awaits where the operand stack holds other values: operands, call arguments, string concatenation. */
    AWAIT_PENDING_STACK(true),
    /** Awaits between {@code NEW/DUP} and the constructor call: {@code new String(Await.on(x))}. */
    AWAIT_IN_NEW(true),
    /**
     * Awaits whose value flows straight into a join point, with no cast after the call: an
     * {@code Object} await as a branch of {@code ?:} or a case of a switch expression.
     */
    AWAIT_AT_JOIN(true),
    /** Awaits inside {@code catch} blocks. */
    AWAIT_IN_CATCH(true),
    /** Awaits inside {@code finally} blocks. */
    AWAIT_IN_FINALLY(true),
    /** A main coroutine with a run of 100 to 400 await sites in one method, several locals live across all of them. */
    MANY_SITES(true),
    /**
     * Locals and pending stack values whose type the coroutine's class cannot access or that is a
     * private nested class: the least upper bound of two public classes whose superclass is
     * package-private in another package ({@code StringBuilder}/{@code StringBuffer} too), a
     * public method's package-private return type, a private nested class hierarchy.
     */
    HIDDEN_TYPES(true),
    /**
     * {@code @Async} methods implementing the generic {@code AsyncFunction<String, T>}, called
     * through the interface, so that the compiler writes a bridge method.
     */
    BRIDGES(true),
    /**
     * {@code task.cancel(msg)} while the task is suspended at a chosen await, which then throws
     * {@code CancelledException} (the twin throws it at the same point); catch clauses for it.
     */
    CANCELLATION(true);

    /** The families generated unless told otherwise. */
    public static final Set<Construct> DEFAULTS = defaults();

    private final boolean byDefault;

    Construct(boolean byDefault) {
        this.byDefault = byDefault;
    }

    /** Parses a comma-separated list of family names, in any case, with {@code -} or {@code _}. */
    public static Set<Construct> parse(String names) {
        Set<Construct> result = EnumSet.noneOf(Construct.class);
        for (String name : names.split(",")) {
            String trimmed = name.trim();
            if (trimmed.equalsIgnoreCase("all")) {
                result.addAll(EnumSet.allOf(Construct.class));
            } else if (!trimmed.isEmpty()) {
                result.add(valueOf(trimmed.toUpperCase(Locale.ROOT).replace('-', '_')));
            }
        }
        return result;
    }

    private static Set<Construct> defaults() {
        Set<Construct> result = EnumSet.noneOf(Construct.class);
        for (Construct construct : values()) {
            if (construct.byDefault) {
                result.add(construct);
            }
        }
        return Set.copyOf(result);
    }
}
