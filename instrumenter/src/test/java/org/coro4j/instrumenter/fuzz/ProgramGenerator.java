package org.coro4j.instrumenter.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Generates a {@link Program} from a seed: zero to three helper coroutines (each may await the ones
 * before it, never itself; with {@link Construct#BRIDGES} some are {@code AsyncFunction} classes,
 * with {@link Construct#INSTANCE_HELPERS} some are instance methods of one nested class),
 * then the main coroutine (with {@link Construct#MANY_SITES} sometimes ending in a run of 100 to
 * 400 await sites), each with its plain twin, the private nested classes the program uses, and the
 * two entry points. The same seed and constructs always give the same program.
 */
final class ProgramGenerator {
    private static final int HELPER_BUDGET = 8;
    private static final int MAIN_BUDGET = 28;
    private static final double CANCELS_CHANCE = 0.35;
    private static final double BRIDGE_CHANCE = 0.35;
    private static final double MANY_SITES_CHANCE = 0.05;
    private static final double INSTANCE_CHANCE = 0.5;
    private static final String[] INSTANCE_MODIFIERS = {"private ", "final ", "", "public ", "private final "};
    private static final int MIN_SITES = 100;
    private static final int MAX_SITES = 400;

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
        program.setCancels(program.has(Construct.CANCELLATION) && program.chance(CANCELS_CHANCE));
        StringBuilder async = new StringBuilder();
        StringBuilder sync = new StringBuilder();
        int helpers = program.has(Construct.HELPER_COROUTINES) ? program.below(4) : 0;
        String owner = helpers > 0 && program.has(Construct.INSTANCE_HELPERS) && program.chance(INSTANCE_CHANCE) ? program.prefix() + "I" : null;
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < helpers; i++) {
            ProgramContext.Helper helper;
            Code method;
            if (program.has(Construct.BRIDGES) && program.chance(BRIDGE_CHANCE)) {
                helper = new ProgramContext.Helper(program.prefix() + "B" + i, program.anyType(), List.of(ValueType.STRING), true, null);
                method = bridge(program, statements, helper);
            } else {
                String helperOwner = owner != null && program.chance(INSTANCE_CHANCE) ? owner : null;
                helper = new ProgramContext.Helper(program.prefix() + "h" + i, program.anyType(), parameterTypes(program), false, helperOwner);
                method = method(program, statements, helper, HELPER_BUDGET, 0);
            }
            program.helpers().add(helper);
            (helper.owner() != null ? members : async).append(method.async());
            sync.append(method.sync());
        }
        if (!members.isEmpty()) {
            async.append("    static ").append(program.chance(0.5) ? "final " : "").append("class ").append(owner).append(" {\n")
                    .append(members).append("    }\n\n");
        }
        ProgramContext.Helper main = new ProgramContext.Helper(program.prefix(), program.anyType(), parameterTypes(program), false, null);
        int sites = program.has(Construct.MANY_SITES) && program.chance(MANY_SITES_CHANCE) ? program.between(MIN_SITES, MAX_SITES) : 0;
        Code method = method(program, statements, main, MAIN_BUDGET, sites);
        async.append(method.async());
        sync.append(method.sync());
        String nested = program.nestedTypes() ? nestedTypes(program.prefix() + "N") : "";
        return new Program(seed, index, async + sync.toString() + nested + entries(program, expressions, main, index));
    }

    private static List<ValueType> parameterTypes(ProgramContext program) {
        List<ValueType> types = new ArrayList<>();
        int count = program.below(4);
        for (int i = 0; i < count; i++) {
            types.add(program.anyType());
        }
        return types;
    }

    /**
     * A coroutine and its twin; {@code sites} above 0 adds a run of that many await sites at the end
     * of its body. The coroutine of a helper with an owner is an instance method, of any modifier
     * that lets the program's static methods call it; its twin is static.
     */
    private static Code method(ProgramContext program, StatementGenerator statements, ProgramContext.Helper helper, int budget, int sites) {
        MethodContext method = new MethodContext(helper.returnType(), budget, helper.owner() != null);
        StringBuilder parameters = new StringBuilder("Trace t");
        for (ValueType type : helper.parameters()) {
            String name = program.fresh("a");
            method.scope().declare(name, type, true);
            parameters.append(", ").append(type.javaName()).append(' ').append(name);
        }
        Code body = statements.block(method, "        ", 6);
        if (sites > 0) {
            body = Code.of(body, statements.siteRun(method, "        ", sites));
        }
        String modifiers = helper.owner() == null ? "static " : program.pickOf(INSTANCE_MODIFIERS);
        Code head = new Code("    @Async\n    " + modifiers + "Coroutine<" + helper.returnType().boxedName() + "> " + helper.name(),
                "    static " + helper.returnType().javaName() + " " + helper.name() + "s");
        return Code.of(head, "(", parameters, ") {\n", body, statements.returnStatement(method, "        "), "    }\n\n");
    }

    /**
     * The nested class {@code helper.name()} implementing {@code AsyncFunction<String, T>} with an
     * {@code @Async apply}, which the compiler bridges from the erased {@code apply(Object)}; its
     * twin implements {@code Function<String, T>}. Both take the trace in their constructor.
     */
    private static Code bridge(ProgramContext program, StatementGenerator statements, ProgramContext.Helper helper) {
        MethodContext method = new MethodContext(helper.returnType(), HELPER_BUDGET, false);
        String parameter = program.fresh("a");
        method.scope().declare(parameter, ValueType.STRING, true);
        String indent = "            ";
        Code body = statements.block(method, indent, 6);
        String result = helper.returnType().boxedName();
        String function = "<String, " + result + ">";
        String fields = "        private final Trace t;\n\n";
        Code head = new Code(
                "    static final class " + helper.name() + " implements AsyncFunction" + function + " {\n" + fields
                        + "        " + helper.name() + "(Trace t) {\n            this.t = t;\n        }\n\n"
                        + "        @Async\n        @Override\n        public Coroutine<" + result + "> apply(String " + parameter + ") {\n",
                "    static final class " + helper.name() + "s implements java.util.function.Function" + function + " {\n" + fields
                        + "        " + helper.name() + "s(Trace t) {\n            this.t = t;\n        }\n\n"
                        + "        @Override\n        public " + result + " apply(String " + parameter + ") {\n");
        return Code.of(head, body, statements.returnStatement(method, indent), "        }\n    }\n\n");
    }

    /** A private nested class hierarchy: an abstract {@code base0} and its two final subclasses {@code base1}, {@code base2}. */
    private static String nestedTypes(String base) {
        StringBuilder types = new StringBuilder("    private abstract static class " + base + "0 {\n"
                + "        private final String name;\n\n"
                + "        " + base + "0(String name) {\n            this.name = name;\n        }\n\n"
                + "        @Override\n        public String toString() {\n            return getClass().getSimpleName() + \":\" + name;\n        }\n"
                + "    }\n\n");
        for (int i = 1; i <= 2; i++) {
            types.append("    private static final class ").append(base).append(i).append(" extends ").append(base).append("0 {\n")
                    .append("        ").append(base).append(i).append("(String name) {\n            super(name);\n        }\n    }\n\n");
        }
        return types.toString();
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
