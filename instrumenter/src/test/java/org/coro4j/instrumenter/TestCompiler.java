package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java compiler and the options the tests and the fuzzer compile their inputs with: javac
 * ({@code --release N}) or Eclipse's compiler ECJ ({@code -N}), each with or without {@code -g}
 * and {@code -parameters}. Named as {@code tool-release[-g][-parameters]}, for example
 * {@code javac-17-g-parameters} or {@code ecj-17}; {@link #current()} is the one named by the system
 * property {@value #PROPERTY}, which the build sets once per run of the test suite.
 */
public record TestCompiler(String name, String tool, int release, List<String> flags) {
    /** The system property naming the compiler of {@link #current()}. */
    public static final String PROPERTY = "coro4j.test.compiler";

    /** javac for Java 17 with debug information and parameter names: the default. */
    public static final TestCompiler JAVAC_17 = named("javac-17-g-parameters");

    /** ECJ for Java 17 with its default debug information (lines and source file). */
    public static final TestCompiler ECJ_17 = named("ecj-17");

    /** Parses a name such as {@code javac-21-g} or {@code ecj-17-parameters}. */
    public static TestCompiler named(String name) {
        String[] parts = name.split("-");
        if (parts.length < 2 || !(parts[0].equals("javac") || parts[0].equals("ecj"))) {
            throw new IllegalArgumentException("not a compiler name (tool-release[-g][-parameters]): " + name);
        }
        List<String> flags = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            if (!parts[i].equals("g") && !parts[i].equals("parameters")) {
                throw new IllegalArgumentException("unknown flag -" + parts[i] + " in compiler name " + name);
            }
            flags.add("-" + parts[i]);
        }
        return new TestCompiler(name, parts[0], Integer.parseInt(parts[1]), List.copyOf(flags));
    }

    /** The compiler named by the system property {@value #PROPERTY}, {@link #JAVAC_17} if it is unset. */
    public static TestCompiler current() {
        String name = System.getProperty(PROPERTY, "");
        return name.isEmpty() ? JAVAC_17 : named(name);
    }

    /** The same compiler with {@code -g}, for tests of what the local variable table says. */
    public TestCompiler withDebugInfo() {
        if (flags.contains("-g")) {
            return this;
        }
        return named(tool + "-" + release + "-g" + (flags.contains("-parameters") ? "-parameters" : ""));
    }

    /** Whether this is javac, which understands javac's own {@code -X} options. */
    public boolean isJavac() {
        return tool.equals("javac");
    }

    /** The command-line options for this compiler: the target release, then the flags. */
    List<String> options() {
        List<String> options = new ArrayList<>(isJavac() ? List.of("--release", Integer.toString(release)) : List.of("-" + release));
        options.addAll(flags);
        return options;
    }

    @Override
    public String toString() {
        return name;
    }
}
