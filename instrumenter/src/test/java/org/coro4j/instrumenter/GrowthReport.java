package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The growth report: for each test class, the median and largest ratio of a coroutine body's
 * instrumented bytecode to javac's, over every coroutine the class's tests instrumented. It is
 * printed once, when the whole test run ends. Registered for every test class through
 * {@code META-INF/services} (extension auto-detection is on in {@code junit-platform.properties}).
 */
public final class GrowthReport implements BeforeAllCallback {
    private static final Map<String, List<CoroutineSize>> BY_TEST_CLASS = new TreeMap<>();
    private static String currentTestClass = "(no test class)";

    /** Records the sizes of what was just instrumented, under the test class that is running. */
    static synchronized void record(List<CoroutineSize> sizes) {
        BY_TEST_CLASS.computeIfAbsent(currentTestClass, key -> new ArrayList<>()).addAll(sizes);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (GrowthReport.class) {
            currentTestClass = context.getRequiredTestClass().getSimpleName();
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(GrowthReport.class, key -> (AutoCloseable) GrowthReport::print);
    }

    private static synchronized void print() {
        System.out.println(table(BY_TEST_CLASS));
    }

    /** The report as text: one row per test class, then one for all of them. */
    static String table(Map<String, List<CoroutineSize>> byTestClass) {
        StringBuilder text = new StringBuilder("coro4j growth: instrumented body bytes / javac bytes, per coroutine method\n");
        text.append(String.format(Locale.ROOT, "%-36s %8s %8s %8s%n", "test class", "methods", "median", "max"));
        List<CoroutineSize> all = new ArrayList<>();
        byTestClass.forEach((testClass, sizes) -> {
            if (!sizes.isEmpty()) {
                text.append(row(testClass, sizes));
                all.addAll(sizes);
            }
        });
        text.append(row("all", all));
        return text.toString();
    }

    private static String row(String name, List<CoroutineSize> sizes) {
        if (sizes.isEmpty()) {
            return String.format(Locale.ROOT, "%-36s %8d%n", name, 0);
        }
        double[] ratios = sizes.stream().mapToDouble(CoroutineSize::growth).sorted().toArray();
        double median = ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        return String.format(Locale.ROOT, "%-36s %8d %7.2fx %7.2fx%n", name, ratios.length, median, ratios[ratios.length - 1]);
    }
}
