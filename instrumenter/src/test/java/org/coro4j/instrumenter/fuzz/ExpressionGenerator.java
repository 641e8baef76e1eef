package org.coro4j.instrumenter.fuzz;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Generates expressions of a requested {@link ValueType}. Each position carries the set of
 * constructs an await needs there: operands evaluated while other values are on the operand stack
 * need {@link Construct#AWAIT_PENDING_STACK}, constructor arguments {@link Construct#AWAIT_IN_NEW};
 * where the set is enabled, {@link AwaitGenerator} may put an {@code Await.on} in that position.
 */
final class ExpressionGenerator {
    /** The needs of a position where the operand stack is empty. */
    static final Set<Construct> TOP = Set.of();

    private static final double AWAIT_CHANCE = 0.3;
    private static final String[] STRINGS = {"a", "b", "xy", "", "q"};

    private final ProgramContext program;
    private AwaitGenerator awaits;

    ExpressionGenerator(ProgramContext program) {
        this.program = program;
    }

    void setAwaits(AwaitGenerator awaits) {
        this.awaits = awaits;
    }

    /** An expression of {@code type} at most {@code depth} operators deep, in a position with {@code needs}. */
    Code expression(MethodContext method, ValueType type, int depth, Set<Construct> needs) {
        if (depth >= 0 && awaits.allowed(method, needs) && program.chance(AWAIT_CHANCE)) {
            return awaits.await(method, type, depth, needs);
        }
        if (depth <= 0 || program.chance(0.3)) {
            return leaf(method, type);
        }
        if (program.has(Construct.TERNARY) && program.chance(0.1)) {
            return ternary(method, type, depth - 1, needs);
        }
        return switch (type) {
            case INT -> intExpression(method, depth - 1, needs);
            case LONG -> longExpression(method, depth - 1, needs);
            case DOUBLE -> doubleExpression(method, depth - 1, needs);
            case FLOAT -> floatExpression(method, depth - 1, needs);
            case BOOLEAN -> booleanExpression(method, depth - 1, needs);
            case STRING -> stringExpression(method, depth - 1, needs);
            case INT_ARRAY -> arrayExpression(method, depth - 1, needs);
            case OBJECT -> objectExpression(method, depth - 1, needs);
        };
    }

    /** A variable of {@code type} if one is visible (most of the time), else a literal. */
    Code leaf(MethodContext method, ValueType type) {
        List<Variable> variables = method.scope().visible(type, false);
        if (!variables.isEmpty() && program.chance(0.7)) {
            return Code.same(program.pick(variables).name());
        }
        return Code.same(literal(type));
    }

    /** A literal of {@code type}; strings are short and arrays never empty. */
    String literal(ValueType type) {
        return switch (type) {
            case INT -> Integer.toString(program.between(-3, 12));
            case LONG -> program.between(-3, 40) + "L";
            case DOUBLE -> program.between(-8, 20) * 0.25 + "";
            case FLOAT -> program.between(-4, 10) * 0.5 + "f";
            case BOOLEAN -> Boolean.toString(program.chance(0.5));
            case STRING -> '"' + program.pickOf(STRINGS) + '"';
            case INT_ARRAY -> "new int[] {" + program.between(-2, 9) + ", " + program.between(-2, 9) + "}";
            case OBJECT -> program.chance(0.5) ? "(Object) null" : "(Object) \"o" + program.below(5) + '"';
        };
    }

    /** {@code needs} plus {@code construct}, for an operand evaluated after others. */
    static Set<Construct> with(Set<Construct> needs, Construct construct) {
        Set<Construct> result = EnumSet.noneOf(Construct.class);
        result.addAll(needs);
        result.add(construct);
        return result;
    }

    /**
     * The needs of a branch of {@code ?:} or a case of a switch expression: an {@code Object} await
     * there is followed by no cast, so its value flows straight into the join point.
     */
    static Set<Construct> branchNeeds(ValueType type, Set<Construct> needs) {
        return type == ValueType.OBJECT ? with(needs, Construct.AWAIT_AT_JOIN) : needs;
    }

    private static Set<Construct> later(Set<Construct> needs) {
        return with(needs, Construct.AWAIT_PENDING_STACK);
    }

    private Code ternary(MethodContext method, ValueType type, int depth, Set<Construct> needs) {
        Code condition = expression(method, ValueType.BOOLEAN, depth, needs);
        if (type == ValueType.OBJECT && program.chance(0.5)) {
            Code text = expression(method, ValueType.STRING, depth, needs);
            Code number = expression(method, ValueType.INT, depth, needs);
            return Code.of("(", condition, " ? ", text, " : (Object) Integer.valueOf(", number, "))");
        }
        Set<Construct> branchNeeds = branchNeeds(type, needs);
        return Code.of("(", condition, " ? ", expression(method, type, depth, branchNeeds), " : ",
                expression(method, type, depth, branchNeeds), ")");
    }

    private Code binary(MethodContext method, ValueType type, String operator, int depth, Set<Construct> needs) {
        return Code.of("(", expression(method, type, depth, needs), " ", operator, " ",
                expression(method, type, depth, later(needs)), ")");
    }

    private Code intExpression(MethodContext method, int depth, Set<Construct> needs) {
        List<Variable> arrays = method.scope().visible(ValueType.INT_ARRAY, false);
        switch (program.below(8)) {
            case 0:
                return binary(method, ValueType.INT, "-", depth, needs);
            case 1:
                return binary(method, ValueType.INT, "*", depth, needs);
            case 2:
                return binary(method, ValueType.INT, program.has(Construct.EXCEPTIONS) ? program.pickOf("/", "%") : "+", depth, needs);
            case 3:
                return Code.of(expression(method, ValueType.STRING, depth, needs), ".length()");
            case 4:
                return Code.of("(int) ", expression(method, ValueType.LONG, depth, needs));
            case 5:
                if (!arrays.isEmpty()) {
                    String array = program.pick(arrays).name();
                    return Code.of(array, "[Math.floorMod(", expression(method, ValueType.INT, depth, later(needs)), ", ", array, ".length)]");
                }
                return Code.of(expression(method, ValueType.INT_ARRAY, depth, needs), ".length");
            default:
                return binary(method, ValueType.INT, "+", depth, needs);
        }
    }

    private Code longExpression(MethodContext method, int depth, Set<Construct> needs) {
        return switch (program.below(5)) {
            case 0 -> binary(method, ValueType.LONG, "*", depth, needs);
            case 1 -> Code.of("(long) ", expression(method, ValueType.INT, depth, needs));
            case 2 -> binary(method, ValueType.LONG, program.has(Construct.EXCEPTIONS) ? "/" : "-", depth, needs);
            default -> binary(method, ValueType.LONG, "+", depth, needs);
        };
    }

    private Code doubleExpression(MethodContext method, int depth, Set<Construct> needs) {
        return switch (program.below(5)) {
            case 0 -> binary(method, ValueType.DOUBLE, "*", depth, needs);
            case 1 -> binary(method, ValueType.DOUBLE, "/", depth, needs);
            case 2 -> Code.of("(double) ", expression(method, ValueType.INT, depth, needs));
            case 3 -> Code.of("Math.abs(", expression(method, ValueType.DOUBLE, depth, needs), ")");
            default -> binary(method, ValueType.DOUBLE, "+", depth, needs);
        };
    }

    private Code floatExpression(MethodContext method, int depth, Set<Construct> needs) {
        return switch (program.below(3)) {
            case 0 -> binary(method, ValueType.FLOAT, "*", depth, needs);
            case 1 -> Code.of("(float) ", expression(method, ValueType.INT, depth, needs));
            default -> binary(method, ValueType.FLOAT, "+", depth, needs);
        };
    }

    private Code booleanExpression(MethodContext method, int depth, Set<Construct> needs) {
        return switch (program.below(9)) {
            case 0 -> compare(method, ValueType.INT, program.pickOf("<", "<=", "==", "!="), depth, needs);
            case 1 -> compare(method, ValueType.LONG, program.pickOf("<", ">="), depth, needs);
            case 2 -> compare(method, ValueType.DOUBLE, program.pickOf(">", "<="), depth, needs);
            case 3 -> Code.of("!", expression(method, ValueType.BOOLEAN, depth, needs));
            case 4 -> Code.of("(", expression(method, ValueType.BOOLEAN, depth, needs), " && ",
                    expression(method, ValueType.BOOLEAN, depth, needs), ")");
            case 5 -> Code.of("(", expression(method, ValueType.BOOLEAN, depth, needs), " || ",
                    expression(method, ValueType.BOOLEAN, depth, needs), ")");
            case 6 -> Code.of(expression(method, ValueType.STRING, depth, needs), ".isEmpty()");
            case 7 -> Code.of("(", expression(method, ValueType.OBJECT, depth, needs), " == null)");
            default -> Code.of(expression(method, ValueType.STRING, depth, needs), ".equals(",
                    expression(method, ValueType.OBJECT, depth, later(needs)), ")");
        };
    }

    private Code compare(MethodContext method, ValueType type, String operator, int depth, Set<Construct> needs) {
        return binary(method, type, operator, depth, needs);
    }

    private Code stringExpression(MethodContext method, int depth, Set<Construct> needs) {
        switch (program.below(7)) {
            case 0:
                return Code.of("Awaitables.clip(", expression(method, ValueType.STRING, depth, later(needs)), " + ",
                        expression(method, program.pickOf(ValueType.STRING, ValueType.INT), depth, later(needs)), ")");
            case 1:
                return Code.of("String.valueOf(", expression(method, program.pickOf(ValueType.INT, ValueType.LONG, ValueType.DOUBLE,
                        ValueType.FLOAT, ValueType.BOOLEAN), depth, needs), ")");
            case 2:
                return Code.of(expression(method, ValueType.STRING, depth, needs), ".toUpperCase()");
            case 3:
                return Code.of("java.util.Arrays.toString(", expression(method, ValueType.INT_ARRAY, depth, needs), ")");
            case 4:
                return Code.of("new String(", expression(method, ValueType.STRING, depth, with(needs, Construct.AWAIT_IN_NEW)), ")");
            case 5:
                return Code.of("new StringBuilder(", expression(method, ValueType.STRING, depth, with(needs, Construct.AWAIT_IN_NEW)),
                        ").append(", expression(method, ValueType.INT, depth, later(needs)), ").toString()");
            default:
                return Code.of("Awaitables.clip(", expression(method, ValueType.STRING, depth, later(needs)), ".concat(",
                        expression(method, ValueType.STRING, depth, later(needs)), "))");
        }
    }

    private Code arrayExpression(MethodContext method, int depth, Set<Construct> needs) {
        if (program.chance(0.5)) {
            return Code.of(expression(method, ValueType.INT_ARRAY, depth, needs), ".clone()");
        }
        return Code.of("new int[] {", expression(method, ValueType.INT, depth, later(needs)), ", ",
                expression(method, ValueType.INT, depth, later(needs)), "}");
    }

    private Code objectExpression(MethodContext method, int depth, Set<Construct> needs) {
        if (program.chance(0.5)) {
            return Code.of("(Object) ", expression(method, ValueType.STRING, depth, needs));
        }
        return Code.of("(Object) Integer.valueOf(", expression(method, ValueType.INT, depth, needs), ")");
    }
}
