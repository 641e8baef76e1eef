package org.coro4j.instrumenter.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Generates a {@link Program} from a seed: zero to three helper coroutines (each may await the ones
 * before it, never itself), then the main coroutine, each with its plain twin, and the two entry
 * points. The same seed and constructs always give the same program.
 */
final class ProgramGenerator {
    private static final int HELPER_BUDGET = 8;
    private static final int MAIN_BUDGET = 28;

    private final Set<Construct> constructs;

    ProgramGenerator(Set<Construct> constructs) {
        this.constructs = Set.copyOf(constructs);
    }

    /** The program of {@code seed}, whose methods are named after {@code index}. */
    Program generate(long seed, int index) {
        ProgramContext program = new ProgramContext(seed, constructs, "p" + index);
        ExpressionGenerator expressions = new ExpressionGenerator(program);
        AwaitGenerator awaits = new AwaitGenerator(program, expressions);
        expressions.setAwaits(awaits);
        StatementGenerator statements = new StatementGenerator(program, expressions, awaits);
        StringBuilder async = new StringBuilder();
        StringBuilder sync = new StringBuilder();
        int helpers = program.has(Construct.HELPER_COROUTINES) ? program.below(4) : 0;
        for (int i = 0; i < helpers; i++) {
            ProgramContext.Helper helper = new ProgramContext.Helper(program.prefix() + "h" + i, program.anyType(), parameterTypes(program));
            Code method = method(program, statements, helper, HELPER_BUDGET);
            program.helpers().add(helper);
            async.append(method.async());
            sync.append(method.sync());
        }
        ProgramContext.Helper main = new ProgramContext.Helper(program.prefix(), program.anyType(), parameterTypes(program));
        Code method = method(program, statements, main, MAIN_BUDGET);
        async.append(method.async());
        sync.append(method.sync());
        return new Program(seed, index, async + sync.toString() + entries(program, expressions, main, index));
    }

    private static List<ValueType> parameterTypes(ProgramContext program) {
        List<ValueType> types = new ArrayList<>();
        int count = program.below(4);
        for (int i = 0; i < count; i++) {
            types.add(program.anyType());
        }
        return types;
    }

    private static Code method(ProgramContext program, StatementGenerator statements, ProgramContext.Helper helper, int budget) {
        MethodContext method = new MethodContext(helper.returnType(), budget);
        StringBuilder parameters = new StringBuilder("Trace t");
        for (ValueType type : helper.parameters()) {
            String name = program.fresh("a");
            method.scope().declare(name, type, true);
            parameters.append(", ").append(type.javaName()).append(' ').append(name);
        }
        Code body = statements.block(method, "        ", 6);
        Code head = new Code("    @Async\n    static Coroutine<" + helper.returnType().boxedName() + "> " + helper.name(),
                "    static " + helper.returnType().javaName() + " " + helper.name() + "s");
        return Code.of(head, "(", parameters, ") {\n", body, statements.returnStatement(method, "        "), "    }\n\n");
    }

    private static String entries(ProgramContext program, ExpressionGenerator expressions, ProgramContext.Helper main, int index) {
        StringBuilder arguments = new StringBuilder("t");
        for (ValueType type : main.parameters()) {
            arguments.append(", ").append(expressions.literal(type));
        }
        return "    public static Object a" + index + "(Trace t) {\n"
                + "        EventLoop loop = EventLoop.withVirtualClock();\n"
                + "        try {\n"
                + "            return Asyncio.run(loop, " + main.name() + "(" + arguments + "));\n"
                + "        } finally {\n"
                + "            t.setClock(loop.time());\n"
                + "        }\n"
                + "    }\n\n"
                + "    public static Object s" + index + "(Trace t) {\n"
                + "        return " + main.name() + "s(" + arguments + ");\n"
                + "    }\n\n";
    }
}
