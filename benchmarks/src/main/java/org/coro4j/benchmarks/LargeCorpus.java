package org.coro4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Large generated coroutines, for measuring how instrumentation grows code: each class has one
 * coroutine of 100 to 220 awaits over 20 to 30 locals of every kind, in loops, branches and nested
 * try/finally blocks, whose locals all stay live to its end; plus the shapes that used to grow
 * fastest: 100 {@code sb.append(Await.on(..))} statements, 100 {@code acc += Await.on(..)}
 * statements, and 400 awaits with 50 values live across each.
 */
public final class LargeCorpus {
    private static final String PACKAGE = "large";
    private static final String[] KINDS = {"int", "long", "double", "String", "StringBuilder", "List<Integer>"};

    private LargeCorpus() {
    }

    /** The class files of {@code classes} generated classes, from {@code seed}, and of the class of fixed shapes. */
    public static List<byte[]> compile(int classes, long seed) {
        Map<String, String> sources = new TreeMap<>();
        Random random = new Random(seed);
        for (int i = 0; i < classes; i++) {
            sources.put(PACKAGE + ".Large" + i, generated("Large" + i, random));
        }
        sources.put(PACKAGE + ".Appends", appends());
        sources.put(PACKAGE + ".Sums", sums());
        sources.put(PACKAGE + ".Wide", wide());
        return Corpus.compile(sources);
    }

    private static String header(String name) {
        return """
                package %s;

                import java.util.ArrayList;
                import java.util.List;
                import org.coro4j.*;

                public class %s {
                    @Async
                    static Coroutine<Integer> f(int i) {
                        return Coroutine.of(i);
                    }

                    @Async
                    static Coroutine<String> s(int i) {
                        return Coroutine.of("s" + i);
                    }

                """.formatted(PACKAGE, name);
    }

    static String generated(String name, Random random) {
        StringBuilder code = new StringBuilder(header(name));
        int localCount = 20 + random.nextInt(11);
        List<String> kinds = new ArrayList<>();
        code.append("    @Async\n    static Coroutine<String> run(int seed) {\n");
        for (int i = 0; i < localCount; i++) {
            String kind = KINDS[i < KINDS.length ? i : random.nextInt(KINDS.length)];
            kinds.add(kind);
            code.append("        ").append(kind).append(" v").append(i).append(" = ").append(initial(kind, i)).append(";\n");
        }
        int awaits = 100 + random.nextInt(121);
        new Body(code, kinds, random).block(awaits, 2);
        code.append("        return Coroutine.of(\"\"");
        for (int i = 0; i < localCount; i++) {
            code.append(" + v").append(i);
        }
        code.append(");\n    }\n}\n");
        return code.toString();
    }

    private static String initial(String kind, int i) {
        return switch (kind) {
            case "int" -> "seed + " + i;
            case "long" -> i + "L * seed";
            case "double" -> i + ".5 * seed";
            case "String" -> "\"x" + i + "\"";
            case "StringBuilder" -> "new StringBuilder()";
            default -> "new ArrayList<>()";
        };
    }

    /** Writes statements: awaits of every shape, nested in loops, branches and try/finally. */
    private static final class Body {
        private final StringBuilder code;
        private final List<String> kinds;
        private final Random random;
        private int indent = 2;
        private int loops;

        Body(StringBuilder code, List<String> kinds, Random random) {
            this.code = code;
            this.kinds = kinds;
            this.random = random;
        }

        /** Writes about {@code awaits} awaits, nesting at most {@code depth} more blocks. */
        void block(int awaits, int depth) {
            int left = awaits;
            while (left > 0) {
                int choice = depth > 0 && left > 8 ? random.nextInt(10) : 9;
                int inner = Math.min(left, 4 + random.nextInt(12));
                switch (choice) {
                    case 0, 1 -> {
                        open("try {");
                        block(inner, depth - 1);
                        close("} finally {");
                        line(plain());
                        close("}");
                    }
                    case 2 -> {
                        String counter = "k" + loops++;
                        open("for (int " + counter + " = 0; " + counter + " < 2; " + counter + "++) {");
                        block(inner, depth - 1);
                        close("}");
                    }
                    case 3 -> {
                        open("if (" + intLocal() + " % 3 == 0) {");
                        block(inner / 2 + 1, depth - 1);
                        close("} else {");
                        block(inner - inner / 2, depth - 1);
                        close("}");
                    }
                    default -> {
                        inner = 1;
                        line(random.nextInt(4) == 0 ? plain() : await());
                    }
                }
                left -= inner;
            }
        }

        private String await() {
            int target = random.nextInt(kinds.size());
            String v = "v" + target;
            String arg = intLocal();
            return switch (kinds.get(target)) {
                case "int" -> v + " += Await.on(f(" + arg + "));";
                case "long" -> v + " = " + v + " * 31 + Await.on(f(" + arg + "));";
                case "double" -> v + " += Await.on(f(" + arg + ")) * 0.5;";
                case "String" -> v + " = " + v + ".substring(0, Math.min(4, " + v + ".length())) + Await.on(s(" + arg + "));";
                case "StringBuilder" -> v + ".append(Await.on(f(" + arg + ")));";
                default -> v + ".add(Await.on(f(" + arg + ")));";
            };
        }

        private String plain() {
            String v = intLocal();
            return v + " = " + v + " * 3 + " + random.nextInt(100) + ";";
        }

        private String intLocal() {
            List<Integer> ints = new ArrayList<>();
            for (int i = 0; i < kinds.size(); i++) {
                if (kinds.get(i).equals("int")) {
                    ints.add(i);
                }
            }
            return "v" + ints.get(random.nextInt(ints.size()));
        }

        private void open(String text) {
            line(text);
            indent++;
        }

        private void close(String text) {
            indent--;
            line(text);
            if (text.endsWith("{")) {
                indent++;
            }
        }

        private void line(String text) {
            code.append("    ".repeat(indent)).append(text).append('\n');
        }
    }

    /** 100 statements {@code sb.append(Await.on(f(i)));}: a pending receiver at every await. */
    static String appends() {
        StringBuilder code = new StringBuilder(header("Appends"));
        code.append("    @Async\n    static Coroutine<String> appends() {\n        StringBuilder sb = new StringBuilder();\n");
        for (int i = 0; i < 100; i++) {
            code.append("        sb.append(Await.on(f(").append(i).append(")));\n");
        }
        return code.append("        return Coroutine.of(sb.toString());\n    }\n}\n").toString();
    }

    /** 100 statements {@code acc += Await.on(f(i));}: a pending int at every await. */
    static String sums() {
        StringBuilder code = new StringBuilder(header("Sums"));
        code.append("    @Async\n    static Coroutine<Integer> sums() {\n        int acc = 0;\n");
        for (int i = 0; i < 100; i++) {
            code.append("        acc += Await.on(f(").append(i).append("));\n");
        }
        return code.append("        return Coroutine.of(acc);\n    }\n}\n").toString();
    }

    /** 400 awaits with 50 locals live across each. */
    static String wide() {
        StringBuilder code = new StringBuilder(header("Wide"));
        code.append("    @Async\n    static Coroutine<Long> wide(int seed) {\n");
        for (int i = 0; i < 50; i++) {
            code.append("        long w").append(i).append(" = seed + ").append(i).append(";\n");
        }
        for (int i = 0; i < 400; i++) {
            code.append("        w").append(i % 50).append(" += Await.on(f(").append(i).append("));\n");
        }
        code.append("        return Coroutine.of(0L");
        for (int i = 0; i < 50; i++) {
            code.append(" + w").append(i);
        }
        return code.append(");\n    }\n}\n").toString();
    }
}
