package org.coro4j.instrumenter.fuzz;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Generates the compound statements: {@code if}, loops, jumps, {@code switch} statements and
 * expressions, {@code try} in all its forms, {@code throw}, early {@code return}, nested blocks and
 * awaiting lambdas. Each belongs to a {@link Construct} family and is skipped when that is off.
 */
final class ControlFlowGenerator {
    private static final Set<Construct> TOP = ExpressionGenerator.TOP;
    private static final String[][] CATCH_CHAINS = {
        {"FuzzException"}, {"ArithmeticException"}, {"FuzzException | ArithmeticException"},
        {"RuntimeException"}, {"Exception"}, {"FuzzException", "RuntimeException"},
        {"ArithmeticException", "Exception"}, {"FuzzException", "RuntimeException", "Exception"},
    };
    /** Catch clauses of a program whose task is cancelled: {@code CancelledException} is an {@code Error}. */
    private static final String[][] CANCELLED_CATCH_CHAINS = {
        {"CancelledException"}, {"FuzzException", "CancelledException"}, {"CancelledException | ArithmeticException"},
        {"Error"}, {"Exception", "Error"},
    };

    private final ProgramContext program;
    private final ExpressionGenerator expressions;
    private final AwaitGenerator awaits;
    private final StatementGenerator statements;

    ControlFlowGenerator(ProgramContext program, ExpressionGenerator expressions, AwaitGenerator awaits, StatementGenerator statements) {
        this.program = program;
        this.expressions = expressions;
        this.awaits = awaits;
        this.statements = statements;
    }

    /** The compound statement that {@code roll} (in [53, 100)) selects, or null when its family is off. */
    Code statement(MethodContext method, String indent, int roll) {
        if (roll < 63) {
            return program.has(Construct.IF_ELSE) ? ifElse(method, indent) : null;
        }
        if (roll < 74) {
            return program.has(Construct.LOOPS) ? loop(method, indent, roll) : null;
        }
        if (roll < 78) {
            return program.has(Construct.JUMPS) && !method.loops().isEmpty() ? statements.jump(method, indent) : null;
        }
        if (roll < 82) {
            return program.has(Construct.SWITCH) ? switchStatement(method, indent) : null;
        }
        if (roll < 84) {
            return program.has(Construct.SWITCH_EXPRESSIONS) ? switchExpression(method, indent) : null;
        }
        if (roll < 89) {
            return tryStatement(method, indent);
        }
        if (roll < 91) {
            return program.has(Construct.TRY_WITH_RESOURCES) ? tryWithResources(method, indent) : null;
        }
        if (roll < 94) {
            return program.has(Construct.EXCEPTIONS) ? throwStatement(method, indent) : null;
        }
        if (roll < 96) {
            return program.has(Construct.EARLY_RETURN) && method.returnAllowed()
                    ? Code.of(indent, "if (", statements.condition(method), ")\n", statements.returnStatement(method, indent + "    "))
                    : null;
        }
        if (roll < 98) {
            return program.has(Construct.LAMBDAS) ? lambda(method, indent) : null;
        }
        return Code.of(indent, "{\n", statements.block(method, indent + "    ", 3), indent, "}\n");
    }

    private Code ifElse(MethodContext method, String indent) {
        String inner = indent + "    ";
        List<Object> parts = new ArrayList<>(List.of(indent, "if (", statements.condition(method), ") {\n",
                statements.block(method, inner, 3), indent, "}"));
        if (program.chance(0.3)) {
            parts.addAll(List.of(" else if (", statements.condition(method), ") {\n", statements.block(method, inner, 3), indent, "}"));
        }
        if (program.chance(0.5)) {
            parts.addAll(List.of(" else {\n", statements.block(method, inner, 3), indent, "}"));
        }
        parts.add("\n");
        return Code.of(parts.toArray());
    }

    private Code loop(MethodContext method, String indent, int roll) {
        String counter = program.fresh("i");
        String label = program.has(Construct.JUMPS) && program.chance(0.3) ? program.fresh("L") : "";
        String labelText = label.isEmpty() ? "" : label + ": ";
        Code test = loopTest(method, counter);
        String inner = indent + "    ";
        method.loops().push(label);
        method.scope().push();
        method.scope().declare(counter, ValueType.INT, false);
        try {
            if (roll < 68) {
                return Code.of(indent, labelText, "for (int ", counter, " = 0; ", test, "; ", counter, "++) {\n",
                        statements.block(method, inner, 4), indent, "}\n");
            }
            String increment = inner + counter + "++;\n";
            if (roll < 71) {
                return Code.of(indent, "int ", counter, " = 0;\n", indent, labelText, "while (", test, ") {\n", increment,
                        statements.block(method, inner, 4), indent, "}\n");
            }
            return Code.of(indent, "int ", counter, " = 0;\n", indent, labelText, "do {\n", increment,
                    statements.block(method, inner, 4), indent, "} while (", test, ");\n");
        } finally {
            method.scope().pop();
            method.loops().pop();
        }
    }

    private Code loopTest(MethodContext method, String counter) {
        Code test = Code.same(counter + " < " + program.between(0, 3));
        if (awaits.allowed(method, TOP) && program.chance(0.3)) {
            return awaits.awaitValue(method, ValueType.BOOLEAN, test);
        }
        return test;
    }

    private Code switchStatement(MethodContext method, String indent) {
        boolean onStrings = program.chance(0.3);
        boolean arrows = program.chance(0.4);
        Code selector = onStrings
                ? expressions.expression(method, ValueType.STRING, 2, TOP)
                : expressions.expression(method, ValueType.INT, 2, TOP);
        List<String> labels = caseLabels(onStrings);
        String inner = indent + "    ";
        String body = inner + "    ";
        List<Object> parts = new ArrayList<>(List.of(indent, "switch (", selector, ") {\n"));
        boolean withDefault = program.chance(0.6);
        for (int i = 0; i < labels.size() + (withDefault ? 1 : 0); i++) {
            String label = i < labels.size() ? "case " + labels.get(i) : "default";
            if (arrows) {
                parts.addAll(List.of(inner, label, " -> {\n", statements.block(method, body, 3), inner, "}\n"));
            } else {
                method.scope().push();
                parts.addAll(List.of(inner, label, ":\n", statements.block(method, body, 3)));
                method.scope().pop();
                if (program.chance(0.75)) {
                    parts.addAll(List.of(body, "break;\n"));
                }
            }
        }
        parts.addAll(List.of(indent, "}\n"));
        return Code.of(parts.toArray());
    }

    private List<String> caseLabels(boolean onStrings) {
        List<String> all = onStrings ? List.of("\"a\"", "\"b\"", "\"xy\"", "\"\"") : List.of("0", "1", "2", "3", "-1");
        List<String> labels = new ArrayList<>();
        for (String label : all) {
            if (program.chance(0.5)) {
                labels.add(label);
            }
        }
        if (labels.isEmpty()) {
            labels.add(all.get(0));
        }
        return labels;
    }

    private Code switchExpression(MethodContext method, String indent) {
        ValueType type = program.anyType();
        Code selector = expressions.expression(method, ValueType.INT, 2, TOP);
        String name = program.fresh("v");
        String inner = indent + "    ";
        List<Object> parts = new ArrayList<>(List.of(indent, type.javaName(), " ", name, " = switch (", selector, ") {\n"));
        boolean previousReturn = method.returnAllowed();
        Deque<String> previousLoops = method.enterClosedRegion();
        try {
            for (String label : caseLabels(false)) {
                parts.add(inner + "case " + label + " -> ");
                if (program.chance(0.5)) {
                    String result = program.fresh("y");
                    parts.addAll(List.of("{\n", statements.block(method, inner + "    ", 3), inner, "    ", type.javaName(), " ", result, " = ",
                            expressions.expression(method, type, 2, ExpressionGenerator.branchNeeds(type, TOP)), ";\n", inner, "    yield ", result, ";\n", inner, "}\n"));
                } else {
                    parts.addAll(List.of(expressions.expression(method, type, 2, ExpressionGenerator.branchNeeds(type, TOP)), ";\n"));
                }
            }
            parts.addAll(List.of(inner, "default -> ", expressions.expression(method, type, 2, ExpressionGenerator.branchNeeds(type, TOP)), ";\n", indent, "};\n"));
        } finally {
            method.leaveClosedRegion(previousLoops, previousReturn);
        }
        method.scope().declare(name, type, true);
        return Code.of(parts.toArray());
    }

    private Code tryStatement(MethodContext method, String indent) {
        boolean catches = program.has(Construct.TRY_CATCH) && program.chance(0.8);
        boolean hasFinally = program.has(Construct.TRY_FINALLY) && (!catches || program.chance(0.4));
        if (!catches && !hasFinally) {
            return null;
        }
        String inner = indent + "    ";
        List<Object> parts = new ArrayList<>(List.of(indent, "try {\n", statements.block(method, inner, 4), indent, "}"));
        if (catches) {
            String[][] chains = program.cancels() && program.chance(0.5) ? CANCELLED_CATCH_CHAINS : CATCH_CHAINS;
            for (String type : program.pick(List.of(chains))) {
                parts.add(catchClause(method, indent, type));
            }
        }
        if (hasFinally) {
            Set<Construct> previous = method.needAlso(Construct.AWAIT_IN_FINALLY);
            parts.addAll(List.of(" finally {\n", statements.block(method, inner, 3), indent, "}"));
            method.restoreNeeds(previous);
        }
        parts.add("\n");
        return Code.of(parts.toArray());
    }

    private Code catchClause(MethodContext method, String indent, String type) {
        String name = program.fresh("x");
        String inner = indent + "    ";
        Set<Construct> previous = method.needAlso(Construct.AWAIT_IN_CATCH);
        try {
            List<Object> parts = new ArrayList<>(List.of(" catch (", type, " ", name, ") {\n",
                    inner, "t.add(\"", program.fresh("c"), " \" + ", name, ".getClass().getSimpleName() + \" \" + ", name, ".getMessage());\n",
                    statements.block(method, inner, 3)));
            if (program.chance(0.2)) {
                parts.addAll(List.of(inner, "if (", statements.condition(method), ") throw ", name, ";\n"));
            }
            parts.addAll(List.of(indent, "}"));
            return Code.of(parts.toArray());
        } finally {
            method.restoreNeeds(previous);
        }
    }

    private Code tryWithResources(MethodContext method, String indent) {
        String name = program.fresh("r");
        String inner = indent + "    ";
        List<Object> parts = new ArrayList<>(List.of(indent, "try (TracedResource ", name, " = new TracedResource(t, \"", name, "\")) {\n",
                statements.block(method, inner, 4), indent, "}"));
        if (program.has(Construct.TRY_CATCH) && program.chance(0.5)) {
            parts.add(catchClause(method, indent, "RuntimeException"));
        }
        parts.add("\n");
        return Code.of(parts.toArray());
    }

    private Code throwStatement(MethodContext method, String indent) {
        return Code.of(indent, "if (", statements.condition(method), ") throw new FuzzException(\"", program.fresh("t"), "\");\n");
    }

    private Code lambda(MethodContext method, String indent) {
        ValueType type = program.anyType();
        String name = program.fresh("f");
        MethodContext body = new MethodContext(type, 6, method.instance());
        String inner = indent + "    ";
        Code code = Code.of(
                new Code("AsyncSupplier<" + type.boxedName() + "> ", "java.util.function.Supplier<" + type.boxedName() + "> "),
                name, " = () -> {\n", statements.block(body, inner, 3), statements.returnStatement(body, inner), indent, "};\n");
        String result = program.fresh("v");
        Code call = new Code("Await.on(" + name + ".get())", name + ".get()");
        method.scope().declare(result, type, true);
        return Code.of(indent, code, indent, type.javaName(), " ", result, " = ", call, ";\n");
    }
}
