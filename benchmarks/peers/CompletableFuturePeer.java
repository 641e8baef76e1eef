import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.coro4j.benchmarks.Measure;

/**
 * The workloads W1-W4 as {@link CompletableFuture} chains on one single-thread executor, the
 * closest thread-pool equivalent of one event loop: every stage runs on that thread, including
 * the code that starts the tasks. Argument {@code time} runs W1, W2 and W4, {@code memory} runs W3.
 */
public final class CompletableFuturePeer {
    private static final String SYSTEM = "CompletableFuture";

    private final ExecutorService loop = Executors.newSingleThreadExecutor();

    private CompletableFuturePeer() {
    }

    /** Runs the workloads named by {@code args[0]} and prints their result lines. */
    public static void main(String[] args) {
        CompletableFuturePeer peer = new CompletableFuturePeer();
        try {
            if (args[0].equals("time")) {
                check(peer.spawn(1_000), 1_000L * 999 / 2);
                Measure.report("W1-tasks", SYSTEM, Measure.medianNanosPerOp(1_000_000, () -> peer.spawn(1_000_000)), "ns/task");
                check(peer.switches(10, 10), 100);
                Measure.report("W2", SYSTEM, Measure.medianNanosPerOp(1_000_000, () -> peer.switches(1_000, 1_000)), "ns/switch");
                check(peer.fib(20), 6_765);
                Measure.report("W4", SYSTEM, Measure.medianNanosPerOp(1, () -> peer.fib(25)) / 1e3, "us/fib(25)");
            } else {
                int tasks = 100_000;
                peer.suspendedBytes(tasks);
                double[] bytes = new double[5];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = peer.suspendedBytes(tasks);
                }
                Measure.report("W3-future", SYSTEM, Measure.median(bytes), "bytes/task");
            }
        } finally {
            peer.loop.shutdown();
        }
    }

    /** W1: {@code tasks} stages that return their index, combined with {@code allOf} and summed. */
    long spawn(int tasks) {
        return CompletableFuture.supplyAsync(() -> {
            @SuppressWarnings("unchecked")
            CompletableFuture<Integer>[] values = new CompletableFuture[tasks];
            for (int i = 0; i < tasks; i++) {
                int value = i;
                values[i] = CompletableFuture.supplyAsync(() -> value, loop);
            }
            return CompletableFuture.allOf(values).thenApply(all -> {
                long sum = 0;
                for (CompletableFuture<Integer> value : values) {
                    sum += value.join();
                }
                return sum;
            });
        }, loop).thenCompose(sum -> sum).join();
    }

    /** W2: {@code tasks} chains, each hopping through the executor's queue {@code switches} times. */
    long switches(int tasks, int switches) {
        return CompletableFuture.supplyAsync(() -> {
            @SuppressWarnings("unchecked")
            CompletableFuture<Integer>[] chains = new CompletableFuture[tasks];
            for (int i = 0; i < tasks; i++) {
                chains[i] = yielder(switches, 0);
            }
            return CompletableFuture.allOf(chains).thenApply(all -> {
                long total = 0;
                for (CompletableFuture<Integer> chain : chains) {
                    total += chain.join();
                }
                return total;
            });
        }, loop).thenCompose(total -> total).join();
    }

    private CompletableFuture<Integer> yielder(int remaining, int done) {
        if (remaining == 0) {
            return CompletableFuture.completedFuture(done);
        }
        return CompletableFuture.supplyAsync(() -> done + 1, loop).thenCompose(next -> yielder(remaining - 1, next));
    }

    /**
     * W3: bytes of heap per chain that has started and waits for one gate future. Each reading is
     * taken while the executor is idle (an empty stage queued behind the work has run), so no stage
     * still being completed is counted.
     */
    double suspendedBytes(int tasks) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] chains = new CompletableFuture[tasks];
        CompletableFuture<Void> gate = new CompletableFuture<>();
        int[] counts = new int[2];
        long before = Measure.usedHeapAfterGc();
        for (int i = 0; i < tasks; i++) {
            chains[i] = CompletableFuture.runAsync(() -> counts[0]++, loop).thenCompose(started -> gate).thenApply(opened -> ++counts[1]);
        }
        CompletableFuture.runAsync(() -> { }, loop).join();
        long after = Measure.usedHeapAfterGc();
        check(counts[0], tasks);
        gate.completeAsync(() -> null, loop);
        CompletableFuture.allOf(chains).join();
        CompletableFuture.runAsync(() -> { }, loop).join();
        check(counts[1], tasks);
        return (double) (after - before) / tasks;
    }

    /** W4: {@code fib(n)} where each call composes the futures of its two children. */
    int fib(int n) {
        return fibStage(n).join();
    }

    private static CompletableFuture<Integer> fibStage(int n) {
        if (n < 2) {
            return CompletableFuture.completedFuture(n);
        }
        return fibStage(n - 1).thenCompose(a -> fibStage(n - 2).thenApply(b -> a + b));
    }

    private static void check(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but the workload computed " + actual);
        }
    }
}
