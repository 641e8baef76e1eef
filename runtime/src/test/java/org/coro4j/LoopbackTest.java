package org.coro4j;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * Base of the tests over real loopback sockets on a wall-clock loop, with a generous time limit.
 * Each test must leave as many open file descriptors and coro4j threads as it found.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class LoopbackTest {
    protected EventLoop loop = EventLoop.create();
    protected final List<ExceptionContext> reported = new ArrayList<>();
    private long descriptorsBefore;
    private List<String> descriptorsListed;

    LoopbackTest() {
        loop.setExceptionHandler((l, context) -> reported.add(context));
    }

    /**
     * Runs a connection once before the descriptors are counted, so that what the JVM and the C
     * library open once per process (and keep) is not counted as a test's leak.
     */
    @BeforeAll
    static void warmUp() {
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        ConnectionHandler closing = (reader, writer) -> Script.script(
                Script.run(() -> writer.write(bytes("x"))), Script.run(writer::close));
        Asyncio.run(Script.script(
                Script.await(() -> Asyncio.startServer(closing, "127.0.0.1", 0), server::set),
                Script.await(() -> Asyncio.openConnection("127.0.0.1", server.get().port()), connection::set),
                Script.tryCatch(Script.block(Script.await(() -> connection.get().reader().readExactly(2))),
                        IncompleteReadException.class, e -> Script.block()),
                Script.run(() -> connection.get().writer().close()),
                Script.run(() -> server.get().close()),
                Script.await(() -> server.get().waitClosed())));
    }

    @BeforeEach
    void countDescriptors() {
        descriptorsBefore = openDescriptors();
        descriptorsListed = listDescriptors();
    }

    @AfterEach
    void closeLoopAndCheckNothingIsLeft() throws InterruptedException {
        if (!loop.isClosed()) {
            loop.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((openDescriptors() != descriptorsBefore || workerThreads() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(descriptorsBefore, openDescriptors(),
                () -> "open file descriptors after the test: before " + descriptorsListed + ", after " + listDescriptors());
        assertEquals(0, workerThreads(), "coro4j worker threads after the test");
    }

    /**
     * The process's open descriptors of the kinds the runtime opens: sockets, pipes and anonymous
     * inodes (a selector's epoll and wakeup descriptors). Not files, which the JVM opens and closes
     * on its own schedule, nor Unix-domain sockets: the runtime never opens one, and the C library
     * does for its own name service lookups.
     */
    static long openDescriptors() {
        return listDescriptors().size();
    }

    private static List<String> listDescriptors() {
        Set<String> unixSockets = unixSocketInodes();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return fd.getFileName() + "=" + Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    return fd.getFileName() + "=?";
                }
            }).filter(fd -> {
                String target = fd.substring(fd.indexOf('=') + 1);
                return (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:"))
                        && !unixSockets.contains(target);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> unixSocketInodes() {
        try {
            Set<String> inodes = new HashSet<>();
            for (String line : Files.readAllLines(Path.of("/proc/net/unix"))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 7 && !fields[0].equals("Num")) {
                    inodes.add("socket:[" + fields[6] + "]");
                }
            }
            return inodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("coro4j-worker-") && t.isAlive()).count();
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(US_ASCII);
    }

    protected static String text(Object bytes) {
        return new String((byte[]) bytes, US_ASCII);
    }
}
