package org.coro4j.instrumenter.fuzz;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Generates statements: declarations and assignments of every {@link ValueType}, trace events,
 * awaits, and the control flow of the enabled {@link Construct} families. Loops always terminate:
 * their counters are never assigned in the body and are incremented before any {@code continue}.
 */
final class StatementGenerator {
    private static final int MAX_DEPTH = 3;
    private static final double HIDDEN_CHANCE = 0.05;
    private static final Set<Construct> TOP = ExpressionGenerator.TOP;
    private static final Set<Construct> PENDING = Set.of(Construct.AWAIT_PENDING_STACK);

    private final ProgramContext program;
    private final ExpressionGenerator expressions;
    private final AwaitGenerator awaits;
    private final ControlFlowGenerator controlFlow;

    StatementGenerator(ProgramContext program, ExpressionGenerator expressions, AwaitGenerator awaits) {
        this.program = program;
        this.expressions = expressions;
        this.awaits = awaits;
        this.controlFlow = new ControlFlowGenerator(program, expressions, awaits, this);
    }

    /** A block of one to {@code maxStatements} statements in a scope of its own. */
    Code block(MethodContext method, String indent, int maxStatements) {
        method.scope().push();
        List<Object> parts = new ArrayList<>();
        int count = program.between(1, maxStatements);
        for (int i = 0; i < count && method.spend(); i++) {
            parts.add(statement(method, indent));
        }
        method.scope().pop();
        return Code.of(parts.toArray());
    }

    /** One statement (possibly compound), each line starting with {@code indent} and ending in a newline. */
    Code statement(MethodContext method, String indent) {
        if (program.has(Construct.HIDDEN_TYPES) && program.chance(HIDDEN_CHANCE)) {
            return hiddenValue(method, indent);
        }
        boolean compound = method.depth() < MAX_DEPTH;
        int roll = program.below(100);
        if (roll < 14) {
            return declaration(method, indent);
        }
        if (roll < 24) {
            return assignment(method, indent);
        }
        if (roll < 38) {
            return traceEvent(method, indent);
        }
        if (roll < 50) {
            return awaitStatement(method, indent);
        }
        if (roll < 53) {
            return arrayStore(method, indent);
        }
        if (compound) {
            method.enter();
            try {
                Code code = controlFlow.statement(method, indent, roll);
                if (code != null) {
                    return code;
                }
            } finally {
                method.leave();
            }
        }
        return traceEvent(method, indent);
    }

    /** A declaration of a fresh variable of a random type, added to the scope after its initialiser. */
    Code declaration(MethodContext method, String indent) {
        ValueType type = program.anyType();
        Code initialiser = expressions.expression(method, type, 2, TOP);
        Variable variable = method.scope().declare(program.fresh("v"), type, true);
        return Code.of(indent, type.javaName(), " ", variable.name(), " = ", initialiser, ";\n");
    }

    private Code assignment(MethodContext method, String indent) {
        List<Variable> variables = method.scope().assignable();
        if (variables.isEmpty()) {
            return declaration(method, indent);
        }
        Variable variable = program.pick(variables);
        ValueType type = variable.type();
        if ((type.isNumeric() || type == ValueType.STRING) && program.chance(0.4)) {
            Code operand = expressions.expression(method, type == ValueType.STRING ? ValueType.INT : type, 2, PENDING);
            if (type == ValueType.STRING) {
                return Code.of(indent, variable.name(), " = Awaitables.clip(", variable.name(), " + ", operand, ");\n");
            }
            return Code.of(indent, variable.name(), " ", program.pickOf("+=", "-=", "*="), " ", operand, ";\n");
        }
        return Code.of(indent, variable.name(), " = ", expressions.expression(method, type, 2, TOP), ";\n");
    }

    /** {@code t.add("eN " + value)}: a trace event showing an expression or a variable. */
    Code traceEvent(MethodContext method, String indent) {
        ValueType type = program.anyType();
        Code value = expressions.expression(method, type, 2, PENDING);
        return Code.of(indent, "t.add(\"", program.fresh("e"), " \" + ", type.show(value), ");\n");
    }

    private Code awaitStatement(MethodContext method, String indent) {
        if (!awaits.allowed(method, TOP)) {
            return traceEvent(method, indent);
        }
        Code helper = program.chance(0.3) ? awaits.awaitAnyHelper(method, TOP) : null;
        Code call = helper != null ? helper : awaits.awaitCall(method, program.anyType(), 2, TOP);
        return Code.of(indent, call, ";\n");
    }

    private Code arrayStore(MethodContext method, String indent) {
        List<Variable> arrays = method.scope().visible(ValueType.INT_ARRAY, false);
        if (arrays.isEmpty()) {
            return declaration(method, indent);
        }
        String array = program.pick(arrays).name();
        return Code.of(indent, array, "[Math.floorMod(", expressions.expression(method, ValueType.INT, 1, PENDING), ", ", array,
                ".length)] = ", expressions.expression(method, ValueType.INT, 2, PENDING), ";\n");
    }

    /**
     * A run of {@code sites} statements that each await, after a few fresh locals, every one of
     * them live across the whole run: it ends by showing each.
     */
    Code siteRun(MethodContext method, String indent, int sites) {
        List<Object> parts = new ArrayList<>();
        List<Variable> locals = new ArrayList<>();
        int count = program.between(2, 8);
        for (int i = 0; i < count; i++) {
            ValueType type = program.anyType();
            Variable variable = method.scope().declare(program.fresh("v"), type, true);
            locals.add(variable);
            parts.add(Code.of(indent, type.javaName(), " ", variable.name(), " = ", expressions.literal(type), ";\n"));
        }
        for (int i = 0; i < sites; i++) {
            Variable target = program.pick(locals);
            ValueType type = target.type();
            Code awaited = awaits.awaitValue(method, type, expressions.leaf(method, type));
            if (type.isNumeric() && program.chance(0.5)) {
                parts.add(Code.of(indent, target.name(), " ", program.pickOf("+=", "-="), " ", awaited, ";\n"));
            } else if (type == ValueType.STRING && program.chance(0.5)) {
                parts.add(Code.of(indent, target.name(), " = Awaitables.clip(", target.name(), " + ", awaited, ");\n"));
            } else if (program.chance(0.3)) {
                parts.add(Code.of(indent, "t.add(\"", program.fresh("e"), " \" + ", type.show(awaited), ");\n"));
            } else {
                parts.add(Code.of(indent, target.name(), " = ", awaited, ";\n"));
            }
        }
        for (Variable local : locals) {
            parts.add(Code.of(indent, "t.add(\"", program.fresh("e"), " \" + ", local.type().show(Code.same(local.name())), ");\n"));
        }
        return Code.of(parts.toArray());
    }

    /**
     * A value whose type the coroutine's class cannot access, or of a private nested class: a
     * {@code var} local awaited across and then shown, or a value pending on the stack under an
     * await. Such a local stays out of the scope: code outside the class's package may only pass
     * it on as an {@code Object}, never let a generic method infer its type.
     */
    private Code hiddenValue(MethodContext method, String indent) {
        if (program.chance(0.5) && awaits.allowed(method, PENDING)) {
            Code value = hiddenExpression(method, PENDING);
            Code awaited = awaits.await(method, program.anyType(), 1, PENDING);
            return Code.of(indent, "t.add(\"", program.fresh("e"), " \" + Awaitables.pair(", value, ", ", awaited, "));\n");
        }
        Code value = hiddenExpression(method, TOP);
        String name = program.fresh("h");
        List<Object> parts = new ArrayList<>(List.of(indent, "var ", name, " = ", value, ";\n", awaitStatement(method, indent)));
        int more = program.below(3);
        for (int i = 0; i < more; i++) {
            parts.add(statement(method, indent));
        }
        parts.addAll(List.of(indent, "t.add(\"", program.fresh("e"), " \" + ", name, ");\n"));
        return Code.of(parts.toArray());
    }

    private Code hiddenExpression(MethodContext method, Set<Construct> needs) {
        Code condition = expressions.expression(method, ValueType.BOOLEAN, 1, needs);
        return switch (program.below(4)) {
            case 0 -> Code.of("(", condition, " ? new Circle(\"", program.fresh("c"), "\") : new Square(\"", program.fresh("s"), "\"))");
            case 1 -> Code.of("Shapes.any(", expressions.expression(method, ValueType.STRING, 1, needs), ")");
            case 2 -> Code.of("(", condition, " ? new StringBuilder(\"", program.fresh("b"), "\") : new StringBuffer(\"", program.fresh("u"), "\"))");
            default -> {
                program.useNestedTypes();
                String base = program.prefix() + "N";
                yield Code.of("(", condition, " ? new ", base, "1(\"", program.fresh("n"), "\") : new ", base, "2(\"", program.fresh("n"), "\"))");
            }
        };
    }

    /** A condition in a position with an empty operand stack. */
    Code condition(MethodContext method) {
        return expressions.expression(method, ValueType.BOOLEAN, 2, TOP);
    }

    /** {@code return} of a value of the method's type, in both renderings. */
    Code returnStatement(MethodContext method, String indent) {
        Code value = expressions.expression(method, method.returnType(), 2, TOP);
        return Code.of(indent, new Code("return Coroutine.of(" + value.async() + ");\n", "return " + value.sync() + ";\n"));
    }

    /** A jump to an enclosing loop: {@code break} or {@code continue}, labelled or not. */
    Code jump(MethodContext method, String indent) {
        Deque<String> loops = method.loops();
        String label = "";
        List<String> labels = new ArrayList<>();
        for (String loop : loops) {
            if (!loop.isEmpty()) {
                labels.add(loop);
            }
        }
        if (!labels.isEmpty() && program.chance(0.5)) {
            label = " " + program.pick(labels);
        }
        return Code.of(indent, "if (", condition(method), ") ", program.pickOf("break", "continue"), label, ";\n");
    }
}
