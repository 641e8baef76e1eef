package org.coro4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the result lines ({@code RESULT workload system value unit}, tab-separated) and the notes
 * ({@code NOTE text}) that the benchmark programs printed, and prints one Markdown table: one row
 * per workload, one column per system, each peer's figure followed by its ratio to coro4j's
 * (peer divided by coro4j: above 1 means the peer takes more time or memory).
 */
public final class Report {
    private static final List<String> SYSTEMS = List.of("coro4j", "virtual threads", "CompletableFuture", "asyncio");
    /** In the plain-recursion row, the figure shown in a peer's column. */
    private static final Map<String, String> PLAIN = Map.of("asyncio", "plain Python");
    private static final List<Row> ROWS = List.of(
            new Row("W1 spawn", "W1", "coro4j", "ns/task", "≤ 50"),
            new Row("W2 switch", "W2", "coro4j", "ns/switch", "≤ 20"),
            new Row("W3 memory", "W3", "coro4j", "bytes/task", "≤ 64"),
            new Row("W4 await, fib(25)", "W4", "coro4j", "us/fib(25)", "≤ 2× plain"),
            new Row("W4 plain recursion", "W4", "plain Java", "us/fib(25)", "(the limit)"),
            new Row("W5 instrumentation", "W5", "coro4j", "classes/s", ""));

    private Report() {
    }

    /** One table row: the figures of {@code workload}, coro4j's column taken from {@code coroSystem}. */
    private record Row(String title, String workload, String coroSystem, String unit, String target) {
    }

    /** Prints the table for the result file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] fields = line.split("\t");
            if (fields[0].equals("RESULT") && fields.length == 5) {
                values.put(fields[1] + "/" + fields[2], Double.parseDouble(fields[3]));
            } else if (fields[0].equals("NOTE") && fields.length == 2) {
                notes.add(fields[1]);
            }
        }
        System.out.print(table(values));
        Double async = values.get("W4/coro4j");
        Double plain = values.get("W4/plain Java");
        if (async != null && plain != null) {
            System.out.printf(Locale.ROOT, "%nW4: coro4j's fib(25) takes %.1f× the plain recursion (target ≤ 2×).%n", async / plain);
        }
        System.out.println();
        System.out.println("Medians. In parentheses: the peer's figure divided by coro4j's (W5: coro4j only).");
        notes.forEach(note -> System.out.println("- " + note));
    }

    static String table(Map<String, Double> values) {
        StringBuilder out = new StringBuilder("| workload | unit | target | ");
        out.append(String.join(" | ", SYSTEMS)).append(" |\n|---|---|---|");
        out.append("---:|".repeat(SYSTEMS.size())).append('\n');
        for (Row row : ROWS) {
            out.append("| ").append(row.title()).append(" | ").append(row.unit()).append(" | ").append(row.target()).append(" |");
            Double coro = values.get(row.workload() + "/" + row.coroSystem());
            out.append(' ').append(format(coro)).append(" |");
            for (String system : SYSTEMS.subList(1, SYSTEMS.size())) {
                String key = row.workload() + "/" + (row.coroSystem().equals("coro4j") ? system : PLAIN.get(system));
                Double peer = values.get(key);
                out.append(' ').append(format(peer));
                if (peer != null && coro != null && coro > 0) {
                    out.append(String.format(Locale.ROOT, " (%.2f×)", peer / coro));
                }
                out.append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String format(Double value) {
        if (value == null) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
