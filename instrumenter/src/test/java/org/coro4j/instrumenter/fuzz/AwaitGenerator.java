package org.coro4j.instrumenter.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Generates {@code Await.on(x)} expressions and their plain twins. The awaited {@code x} either
 * suspends ({@code Asyncio.sleep(d, v)}, a future a timer completes, a helper coroutine that
 * sleeps) or is already done ({@code Awaitables.done(v)}, {@code Coroutine.of(v)}, a helper that
 * never suspends), and may fail with an unchecked or checked exception. The twin is the value
 * itself, computed directly through {@link Trace}, which also adds up the time the coroutine would
 * have waited. A program with {@link Construct#CANCELLATION} turns some awaits into the point where
 * its task is cancelled; one with {@link Construct#BRIDGES} awaits its {@code AsyncFunction}
 * implementations through the interface, one with {@link Construct#AWAITED_SLEEPS} awaits
 * {@code Asyncio.sleep(d)} without a value, and one with {@link Construct#AWAITED_EVENTS} awaits
 * events.
 */
final class AwaitGenerator {
    private static final double CANCEL_CHANCE = 0.12;
    private static final String[] DELAYS = {"0.25", "0.5", "1.0", "2.0"};
    /** Arguments of a bare {@code sleep} and the seconds each waits. */
    private static final String[][] BARE_DELAYS = {
        {"0", "0"}, {"0.0", "0"}, {"-0.5", "0"}, {"0.25", "0.25"}, {"1.0", "1.0"},
        {"java.time.Duration.ZERO", "0"}, {"java.time.Duration.ofMillis(500)", "0.5"},
    };

    private final ProgramContext program;
    private final ExpressionGenerator expressions;

    AwaitGenerator(ProgramContext program, ExpressionGenerator expressions) {
        this.program = program;
        this.expressions = expressions;
    }

    /** Whether an await may stand in a position with {@code needs} in {@code method}. */
    boolean allowed(MethodContext method, Set<Construct> needs) {
        return program.hasAll(needs) && program.hasAll(method.awaitNeeds());
    }

    /** An await of a value of {@code type}, usable as an operand (primitives are cast from their box). */
    Code await(MethodContext method, ValueType type, int depth, Set<Construct> needs) {
        Code call = awaitCall(method, type, depth, needs);
        if (type == ValueType.OBJECT || type == ValueType.STRING || type == ValueType.INT_ARRAY) {
            return call;
        }
        return Code.of("((", type.javaName(), ") ", call, ")");
    }

    /** An await of {@code value}, which the twin returns as is: for conditions that must keep their meaning. */
    Code awaitValue(MethodContext method, ValueType type, Code value) {
        Code call = switch (program.below(4)) {
            case 0 -> new Code("Await.on(Awaitables.done(" + value.async() + "))", "t.now(" + value.sync() + ")");
            case 1 -> sleep("Awaitables.later", value);
            default -> sleep("Asyncio.sleep", value);
        };
        return Code.of("((", type.javaName(), ") ", call, ")");
    }

    /** A bare {@code Await.on(x)} call of a value of {@code type}, usable as an expression statement. */
    Code awaitCall(MethodContext method, ValueType type, int depth, Set<Construct> needs) {
        if (program.cancels() && program.chance(CANCEL_CHANCE)) {
            return cancellation(type);
        }
        List<ProgramContext.Helper> helpers = new ArrayList<>();
        if (program.has(Construct.HELPER_COROUTINES)) {
            for (ProgramContext.Helper helper : program.helpers()) {
                if (helper.returnType() == type) {
                    helpers.add(helper);
                }
            }
        }
        if (!helpers.isEmpty() && program.chance(0.4)) {
            return helperCall(method, program.pick(helpers), depth, needs);
        }
        if (program.has(Construct.EXCEPTIONS) && program.chance(0.08)) {
            return failing(type);
        }
        if (type == ValueType.OBJECT && program.has(Construct.AWAITED_SLEEPS) && program.chance(0.3)) {
            return bareSleep();
        }
        if (type == ValueType.OBJECT && program.has(Construct.AWAITED_EVENTS) && program.chance(0.2)) {
            String delay = program.chance(0.3) ? "0" : program.pickOf(DELAYS);
            return new Code("Await.on(Awaitables.setAfter(" + delay + ").await())", "t.after(" + delay + ", (Void) null)");
        }
        return switch (program.below(5)) {
            case 0 -> sleep("Asyncio.sleep", expressions.expression(method, type, depth - 1, ExpressionGenerator.with(needs, Construct.AWAIT_PENDING_STACK)));
            case 1 -> sleep("Awaitables.later", expressions.expression(method, type, depth - 1, ExpressionGenerator.with(needs, Construct.AWAIT_PENDING_STACK)));
            case 2 -> {
                Code value = expressions.expression(method, type, depth - 1, needs);
                yield new Code("Await.on(Coroutine.of(" + value.async() + "))", "t.now(" + value.sync() + ")");
            }
            default -> {
                Code value = expressions.expression(method, type, depth - 1, needs);
                yield new Code("Await.on(Awaitables.done(" + value.async() + "))", "t.now(" + value.sync() + ")");
            }
        };
    }

    /** An await of any helper coroutine, whatever its type, or null when the program has none. */
    Code awaitAnyHelper(MethodContext method, Set<Construct> needs) {
        if (!program.has(Construct.HELPER_COROUTINES) || program.helpers().isEmpty()) {
            return null;
        }
        return helperCall(method, program.pick(program.helpers()), 1, needs);
    }

    private Code sleep(String factory, Code value) {
        String delay = program.pickOf(DELAYS);
        return new Code("Await.on(" + factory + "(" + delay + ", " + value.async() + "))",
                "t.after(" + delay + ", " + value.sync() + ")");
    }

    /**
     * {@code Await.on(Asyncio.sleep(d))}, whose value is null; {@code d} may be zero or negative (a
     * yield, which the twin counts as no time) or a {@code Duration}.
     */
    private Code bareSleep() {
        String[] delay = program.pickOf(BARE_DELAYS);
        return new Code("Await.on(Asyncio.sleep(" + delay[0] + "))", "t.after(" + delay[1] + ", (Void) null)");
    }

    private Code failing(ValueType type) {
        String delay = program.chance(0.4) ? "0" : program.pickOf(DELAYS);
        String error = program.has(Construct.CHECKED_EXCEPTIONS) && program.chance(0.3)
                ? "new FuzzCheckedException(\"" + program.fresh("k") + "\")"
                : "new FuzzException(\"" + program.fresh("f") + "\")";
        String witness = "<" + type.boxedName() + ">";
        return new Code("Await.on(Awaitables." + witness + "failing(" + delay + ", " + error + "))",
                "t." + witness + "fail(" + delay + ", " + error + ")");
    }

    /**
     * An await where the task is cancelled: the awaited future never completes, and the task is
     * cancelled with a message of its own once it is suspended there; the twin throws the
     * {@code CancelledException} the await does.
     */
    private Code cancellation(ValueType type) {
        String message = program.fresh("cancel");
        String witness = "<" + type.boxedName() + ">";
        if (type == ValueType.OBJECT && program.has(Construct.AWAITED_EVENTS) && program.chance(0.4)) {
            return new Code("Await.on(Awaitables.cancellingEvent(\"" + message + "\").await())", "t." + witness + "cancel(\"" + message + "\")");
        }
        return new Code("Await.on(Awaitables." + witness + "cancelling(\"" + message + "\"))",
                "t." + witness + "cancel(\"" + message + "\")");
    }

    /** What stands before the name of {@code helper} in a call from {@code method}: nothing for a static one. */
    private String receiver(MethodContext method, ProgramContext.Helper helper) {
        if (helper.owner() == null) {
            return "";
        }
        if (method.instance()) {
            return program.chance(0.5) ? "this." : "";
        }
        return "new " + helper.owner() + "().";
    }

    private Code helperCall(MethodContext method, ProgramContext.Helper helper, int depth, Set<Construct> needs) {
        Set<Construct> argumentNeeds = ExpressionGenerator.with(needs, Construct.AWAIT_PENDING_STACK);
        if (helper.bridge()) {
            String function = "<String, " + helper.returnType().boxedName() + ">";
            return Code.of(new Code("Await.on(((AsyncFunction" + function + ") new " + helper.name() + "(t)).apply(",
                    "((java.util.function.Function" + function + ") new " + helper.name() + "s(t)).apply("),
                    expressions.expression(method, ValueType.STRING, Math.max(0, depth - 1), argumentNeeds), new Code("))", ")"));
        }
        List<Object> parts = new ArrayList<>();
        parts.add(new Code("Await.on(" + receiver(method, helper) + helper.name(), helper.name() + "s"));
        parts.add("(t");
        for (ValueType parameter : helper.parameters()) {
            parts.add(", ");
            parts.add(expressions.expression(method, parameter, Math.max(0, depth - 1), argumentNeeds));
        }
        parts.add(new Code("))", ")"));
        return Code.of(parts.toArray());
    }
}
