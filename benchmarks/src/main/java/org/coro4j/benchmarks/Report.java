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
 * (peer divided by coro4j: above 1 means the peer takes more time or memory); then whether each
 * target is met, and the allocation and collection figures of JMH's {@code -prof gc}
 * ({@code PROFILE benchmark figure value unit} lines) if the run had them.
 */
public final class Report {
    private static final List<String> SYSTEMS = List.of("coro4j", "virtual threads", "CompletableFuture", "Kotlin", "asyncio");
    /** The peers that run on the JVM, against which W1's target is set. */
    private static final List<String> JVM_PEERS = List.of("virtual threads", "CompletableFuture", "Kotlin");
    /** In the plain-recursion row, the figure shown in a peer's column. */
    private static final Map<String, String> PLAIN = Map.of("asyncio", "plain Python");
    private static final List<Row> ROWS = List.of(
            new Row("W1 spawn, `gather` of created tasks", "W1-tasks", "coro4j", "ns/task", "≤ 0.25× best JVM peer"),
            new Row("W1 spawn, `gather` of coroutines", "W1-coroutines", "coro4j", "ns/task", "≤ 0.25× best JVM peer"),
            new Row("W2 switch", "W2", "coro4j", "ns/switch", "≤ 0.35× Kotlin"),
            new Row("W3 suspended on a shared future", "W3-future", "coro4j", "bytes/task", "≤ 64"),
            new Row("W3 suspended on an event", "W3-event", "coro4j", "bytes/task", "≤ 64"),
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
        Map<String, Map<String, Double>> profiles = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] fields = line.split("\t");
            if (fields[0].equals("RESULT") && fields.length == 5) {
                values.put(fields[1] + "/" + fields[2], Double.parseDouble(fields[3]));
            } else if (fields[0].equals("PROFILE") && fields.length == 5) {
                profiles.computeIfAbsent(fields[1], benchmark -> new LinkedHashMap<>()).put(fields[2], Double.parseDouble(fields[3]));
            } else if (fields[0].equals("NOTE") && fields.length == 2) {
                notes.add(fields[1]);
            }
        }
        System.out.print(table(values));
        System.out.println();
        targets(values).forEach(System.out::println);
        System.out.println();
        if (!profiles.isEmpty()) {
            System.out.println("JMH -prof gc (coro4j): bytes allocated per operation, and the share of each iteration spent in collections:");
            System.out.println();
            System.out.println("| benchmark | bytes/op | GC share |");
            System.out.println("|---|---:|---:|");
            profiles.forEach((benchmark, figures) -> System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", benchmark,
                    format(figures.get("gc.alloc.rate.norm")), figures.containsKey("gc.share") ? format(figures.get("gc.share")) + " %" : "n/a"));
            System.out.println();
        }
        System.out.println("Medians. In parentheses: the peer's figure divided by coro4j's (W5: coro4j only).");
        notes.forEach(note -> System.out.println("- " + note));
    }

    /** One line per target: coro4j's figure against its limit, and whether it is met. */
    static List<String> targets(Map<String, Double> values) {
        List<String> lines = new ArrayList<>();
        String bestPeer = null;
        for (String peer : JVM_PEERS) {
            Double figure = values.get("W1-tasks/" + peer);
            if (figure != null && (bestPeer == null || figure < values.get("W1-tasks/" + bestPeer))) {
                bestPeer = peer;
            }
        }
        for (String form : List.of("W1-tasks", "W1-coroutines")) {
            if (bestPeer != null) {
                lines.add(target(form + ": coro4j / " + bestPeer, values.get(form + "/coro4j"), values.get("W1-tasks/" + bestPeer), 0.25));
            }
        }
        lines.add(target("W2: coro4j / Kotlin", values.get("W2/coro4j"), values.get("W2/Kotlin"), 0.35));
        for (String gate : List.of("W3-future", "W3-event")) {
            Double bytes = values.get(gate + "/coro4j");
            lines.add(bytes == null ? "- " + gate + ": not measured"
                    : String.format(Locale.ROOT, "- %s: coro4j %.1f bytes/task (target ≤ 64): %s", gate, bytes, bytes <= 64 ? "met" : "not met"));
        }
        lines.add(target("W4: coro4j / plain Java", values.get("W4/coro4j"), values.get("W4/plain Java"), 2));
        return lines;
    }

    private static String target(String what, Double figure, Double reference, double limit) {
        if (figure == null || reference == null) {
            return "- " + what + ": not measured";
        }
        double ratio = figure / reference;
        return String.format(Locale.ROOT, "- %s = %.2f (target ≤ %.2f): %s", what, ratio, limit, ratio <= limit ? "met" : "not met");
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
