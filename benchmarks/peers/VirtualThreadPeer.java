import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.coro4j.benchmarks.Measure;

/**
 * The workloads W1-W3 on virtual threads (JDK 21 or later), written the usual way: one virtual
 * thread per task from {@link Executors#newVirtualThreadPerTaskExecutor()}, {@link Thread#yield()}
 * to switch, a {@link CountDownLatch} to suspend on. Argument {@code time} runs W1 and W2,
 * {@code memory} runs W3. W4 has no virtual-thread form: a thread calls its children directly.
 */
public final class VirtualThreadPeer {
    private static final String SYSTEM = "virtual threads";

    private VirtualThreadPeer() {
    }

    /** Runs the workloads named by {@code args[0]} and prints their result lines. */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("time")) {
            check(spawn(1_000), 1_000L * 999 / 2);
            Measure.report("W1-tasks", SYSTEM, Measure.medianNanosPerOp(1_000_000, () -> spawn(1_000_000)), "ns/task");
            check(switches(10, 10), 100);
            Measure.report("W2", SYSTEM, Measure.medianNanosPerOp(1_000_000, () -> switches(1_000, 1_000)), "ns/switch");
        } else {
            int tasks = 100_000;
            suspendedBytes(tasks);
            double[] bytes = new double[5];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = suspendedBytes(tasks);
            }
            Measure.report("W3-event", SYSTEM, Measure.median(bytes), "bytes/task");
        }
    }

    /** W1: {@code tasks} virtual threads that return their index, summed. */
    static long spawn(int tasks) {
        List<Future<Integer>> futures = new ArrayList<>(tasks);
        long sum = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks; i++) {
                int value = i;
                futures.add(executor.submit(() -> value));
            }
            for (Future<Integer> future : futures) {
                sum += future.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return sum;
    }

    /** W2: {@code tasks} virtual threads each calling {@link Thread#yield()} {@code switches} times. */
    static long switches(int tasks, int switches) {
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks; i++) {
                executor.submit(() -> {
                    for (int k = 0; k < switches; k++) {
                        Thread.yield();
                    }
                    done.addAndGet(switches);
                });
            }
        }
        return done.get();
    }

    /** W3: bytes of heap per virtual thread parked on one latch; the thread array exists before the first reading. */
    static double suspendedBytes(int tasks) throws InterruptedException {
        Thread[] threads = new Thread[tasks];
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger resumed = new AtomicInteger();
        long before = Measure.usedHeapAfterGc();
        for (int i = 0; i < tasks; i++) {
            threads[i] = Thread.ofVirtual().start(() -> {
                try {
                    gate.await();
                    resumed.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
        }
        long after = Measure.usedHeapAfterGc();
        gate.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        check(resumed.get(), tasks);
        return (double) (after - before) / tasks;
    }

    private static void check(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but the workload computed " + actual);
        }
    }
}
