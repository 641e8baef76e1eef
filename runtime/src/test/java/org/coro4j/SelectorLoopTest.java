package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.loopWhile;
import static org.coro4j.Script.run;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The loop waiting in a selector: readiness callbacks [Python: {@code loop.add_reader},
 * {@code add_writer}], the {@code sock_*} operations, waking from other threads, and I/O on the
 * virtual clock.
 */
class SelectorLoopTest extends LoopbackTest {

    private static void write(Pipe.SinkChannel sink, String text) {
        try {
            sink.write(ByteBuffer.wrap(bytes(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(Pipe.SourceChannel source) {
        ByteBuffer buffer = ByteBuffer.allocate(100);
        try {
            source.read(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void aReaderRunsWhenItsChannelIsReadableInFifoOrderWithOtherCallbacks() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            List<String> events = new ArrayList<>();
            Future<Void> done = loop.runUntilComplete(script(Script.returning(() -> new Future<Void>())));
            write(sink, "ping");
            loop.callSoon(() -> events.add("callSoon before"));
            loop.addReader(source, () -> {
                events.add("reader: " + readAll(source));
                loop.callSoon(() -> events.add("callSoon from the reader"));
                assertTrue(loop.removeReader(source));
                loop.callSoon(() -> done.setResult(null));
            });
            assertFalse(source.isBlocking(), "addReader puts the channel in non-blocking mode");
            loop.runUntilComplete(done);
            assertEquals(List.of("callSoon before", "reader: ping", "callSoon from the reader"), events);
            assertFalse(loop.removeReader(source), "no reader is left");
            assertFalse(loop.removeWriter(source), "none was registered");
        }
    }

    @Test
    void aLoopAlwaysBusyWithReadyCallbacksStillRunsAReadableChannelsReaderWithinTwoIterations() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            write(sink, "ping");
            AtomicInteger steps = new AtomicInteger();
            List<Integer> stepsBeforeReader = new ArrayList<>();
            Future<Void> done = loop.runUntilComplete(script(Script.returning(() -> new Future<Void>())));
            loop.addReader(source, () -> {
                stepsBeforeReader.add(steps.get());
                assertTrue(loop.removeReader(source));
            });
            Runnable[] step = new Runnable[1];
            step[0] = () -> {
                // each step queues the next: the ready queue is never empty until 1000 steps or the reader ran
                if (steps.incrementAndGet() < 1000 && stepsBeforeReader.isEmpty()) {
                    loop.callSoon(step[0]);
                } else {
                    done.setResult(null);
                }
            };
            loop.callSoon(step[0]);
            loop.runUntilComplete(done);
            assertEquals(1, stepsBeforeReader.size(), "the reader ran once, while the loop was busy");
            assertTrue(stepsBeforeReader.get(0) <= 2, "the channels are polled at least every other iteration: " + stepsBeforeReader);
            assertEquals("ping", readAll(source));
        }
    }

    @Test
    void addReaderReplacesThePreviousCallback() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            List<String> events = new ArrayList<>();
            Future<Void> done = loop.runUntilComplete(script(Script.returning(() -> new Future<Void>())));
            loop.addReader(source, () -> events.add("first"));
            loop.addReader(source, () -> {
                events.add("second: " + readAll(source));
                loop.removeReader(source);
                done.setResult(null);
            });
            write(sink, "x");
            loop.runUntilComplete(done);
            assertEquals(List.of("second: x"), events);
        }
    }

    @Test
    void aWriterRunsWhileItsChannelIsWritable() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink()) {
            AtomicInteger calls = new AtomicInteger();
            Future<Void> done = loop.runUntilComplete(script(Script.returning(() -> new Future<Void>())));
            loop.addWriter(sink, () -> {
                write(sink, "w");
                if (calls.incrementAndGet() == 3) {
                    assertTrue(loop.removeWriter(sink));
                    done.setResult(null);
                }
            });
            loop.runUntilComplete(done);
            assertEquals(3, calls.get());
            assertEquals("www", readAll(source));
        }
    }

    @Test
    void aWriterAddedWhileConnectingSeesTheConnectionThenWritability() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             SocketChannel client = SocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.configureBlocking(false);
            boolean connectedAtOnce = client.connect(listener.getLocalAddress());
            List<String> events = new ArrayList<>();
            Future<Void> done = loop.runUntilComplete(script(Script.returning(() -> new Future<Void>())));
            loop.addWriter(client, () -> {
                try {
                    if (client.isConnectionPending()) {
                        events.add("connected: " + client.finishConnect());
                        return;
                    }
                    events.add("writable: " + client.write(ByteBuffer.wrap(bytes("hi"))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                loop.removeWriter(client);
                done.setResult(null);
            });
            loop.runUntilComplete(done);
            assertEquals(connectedAtOnce ? List.of("writable: 2") : List.of("connected: true", "writable: 2"), events);
            listener.accept().close();
        }
    }

    @Test
    void theSockOperationsOverLoopback() throws IOException {
        byte[] big = new byte[4 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             SocketChannel client = SocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            java.net.SocketAddress address = listener.getLocalAddress();
            Slot<SocketChannel> accepted = new Slot<>();
            ByteBuffer received = ByteBuffer.allocate(big.length);
            List<Object> eof = new ArrayList<>();
            loop.runUntilComplete(script(
                    await(() -> Asyncio.gather(loop.sockAccept(listener), loop.sockConnect(client, address)),
                            both -> accepted.set(((List<?>) both).get(0))),
                    await(() -> {
                        Future<Void> sending = loop.sockSendAll(client, ByteBuffer.wrap(big));
                        Coroutine<Object> receiving = script(loopWhile(received::hasRemaining, block(
                                await(() -> loop.sockRecv(accepted.get(), received)))));
                        return Asyncio.gather(sending, receiving);
                    }),
                    run(() -> {
                        try {
                            client.shutdownOutput();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }),
                    await(() -> loop.sockRecv(accepted.get(), ByteBuffer.allocate(10)), eof::add)));
            accepted.get().close();
            assertArrayEquals(big, received.array());
            assertEquals(List.of(-1), eof);
            assertFalse(client.isBlocking());
        }
    }

    @Test
    void cancellingSockRecvStopsWatchingTheChannel() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             SocketChannel client = SocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client.connect(listener.getLocalAddress());
            try (SocketChannel server = listener.accept()) {
                Slot<Future<Integer>> receive = new Slot<>();
                loop.runUntilComplete(script(
                        run(() -> receive.set(loop.sockRecv(server, ByteBuffer.allocate(10)))),
                        await(() -> Asyncio.sleep(0.01)),
                        run(() -> receive.get().cancel())));
                assertTrue(receive.get().isCancelled());
                assertFalse(loop.removeReader(server), "the cancelled receive unregistered its reader");
            }
        }
    }

    @Test
    void sockConnectToAClosedPortFailsWithConnectException() throws IOException {
        int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        try (SocketChannel client = SocketChannel.open()) {
            Future<Void> connect = loop.sockConnect(client, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            loop.runUntilComplete(script(await(() -> Asyncio.gather(true, List.of(connect)))));
            assertTrue(connect.exception() instanceof java.net.ConnectException, String.valueOf(connect.exception()));
        }
    }

    @Test
    void callSoonThreadsafeWakesALoopWaitingInSelect() throws Exception {
        // a listening server makes the loop wait in its selector; nothing else is due
        Slot<Server> server = new Slot<>();
        loop.runUntilComplete(script(await(() -> Asyncio.startServer((r, w) -> script(), "127.0.0.1", 0), server::set)));
        Future<String> woken = loop.runUntilComplete(script(Script.returning(() -> new Future<String>())));
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            loop.callSoonThreadsafe(() -> woken.setResult("woken"));
        });
        other.start();
        assertEquals("woken", loop.runUntilComplete(woken));
        other.join();
        server.get().close();
    }

    @Test
    void callSoonThreadsafeFromManyThreadsWhileTheLoopSelects() throws Exception {
        Slot<Server> server = new Slot<>();
        loop.runUntilComplete(script(await(() -> Asyncio.startServer((r, w) -> script(), "127.0.0.1", 0), server::set)));
        int threads = 4;
        int calls = 20_000;
        AtomicInteger ran = new AtomicInteger();
        Future<Void> all = loop.runUntilComplete(script(Script.returning(() -> new Future<Void>())));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread caller = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < calls; i++) {
                    loop.callSoonThreadsafe(() -> {
                        if (ran.incrementAndGet() == threads * calls) {
                            all.setResult(null);
                        }
                    });
                    if (i % 1000 == 0) {
                        Thread.yield();
                    }
                }
            });
            caller.start();
            callers.add(caller);
        }
        start.countDown();
        loop.runUntilComplete(all);
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(threads * calls, ran.get());
        server.get().close();
    }

    @Test
    void aCompletionStageCompletedOnAnotherThreadWakesTheSelectingLoop() throws Exception {
        Slot<Server> server = new Slot<>();
        Slot<Object> result = new Slot<>();
        java.util.concurrent.CompletableFuture<String> stage = new java.util.concurrent.CompletableFuture<>();
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            stage.complete("from another thread");
        });
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer((r, w) -> script(), "127.0.0.1", 0), server::set),
                run(other::start),
                await(() -> stage, result::set),
                run(() -> server.get().close())));
        other.join();
        assertEquals("from another thread", result.get());
    }

    @Test
    void theIoQuietPeriodMustBeAFiniteNonNegativeNumber() {
        assertEquals("the I/O quiet period must be a finite number of seconds >= 0: -1.0",
                assertThrows(IllegalArgumentException.class, () -> loop.setIoQuietPeriod(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> loop.setIoQuietPeriod(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> loop.setIoQuietPeriod(Double.POSITIVE_INFINITY));
        loop.setIoQuietPeriod(0);
    }

    @Test
    void aVirtualClockLoopRunsIoAndJumpsToTimersWhenChannelsAreQuiet() {
        loop.close();
        loop = EventLoop.withVirtualClock();
        loop.setExceptionHandler((l, context) -> reported.add(context));
        ConnectionHandler late = (reader, writer) -> script(
                await(() -> Asyncio.sleep(100)),
                run(() -> writer.write(bytes("after 100 s\n"))),
                await(reader::readLine),
                run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> line = new Slot<>();
        List<Double> times = new ArrayList<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(late, "127.0.0.1", 0), server::set),
                await(() -> Asyncio.openConnection("127.0.0.1", server.get().port()), connection::set),
                run(() -> times.add(loop.time())),
                await(() -> connection.get().reader().readLine(), line::set),
                run(() -> times.add(loop.time())),
                Script.tryCatch(block(await(() -> Asyncio.waitFor(connection.get().reader().readLine(), 5))),
                        AsyncTimeoutException.class, e -> block(run(() -> times.add(loop.time())))),
                run(() -> connection.get().writer().close()),
                await(() -> connection.get().writer().waitClosed()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("after 100 s\n", text(line.get()));
        assertEquals(List.of(0.0, 100.0, 105.0), times);
    }

    @Test
    void aVirtualTimeoutAroundConnectingToAnAddressDoesNotFireBeforeTheSocketIsWatched() throws IOException {
        loop.close();
        loop = EventLoop.withVirtualClock();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            // a listener the loop does not watch: until the client's socket is registered, no channel is
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            Slot<Connection> connection = new Slot<>();
            loop.runUntilComplete(script(
                    await(() -> Asyncio.waitFor(Asyncio.openConnection("127.0.0.1", port), 5), connection::set),
                    run(() -> connection.get().writer().close())));
            assertEquals(0.0, loop.time());
        }
    }

    @Test
    void aVirtualTimeoutDoesNotFireWhileBytesKeepArriving() throws Exception {
        loop.close();
        loop = EventLoop.withVirtualClock();
        loop.setIoQuietPeriod(2.0);
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            Thread writer = new Thread(() -> {
                try (SocketChannel peer = listener.accept()) {
                    for (int i = 0; i < 20; i++) {
                        peer.write(ByteBuffer.wrap(bytes("x")));
                        Thread.sleep(10);
                    }
                    peer.write(ByteBuffer.wrap(bytes("\n")));
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            writer.start();
            Slot<Connection> connection = new Slot<>();
            Slot<Object> line = new Slot<>();
            loop.runUntilComplete(script(
                    await(() -> Asyncio.openConnection("127.0.0.1", port), connection::set),
                    await(() -> Asyncio.waitFor(connection.get().reader().readLine(), 1.0), line::set),
                    run(() -> connection.get().writer().close())));
            writer.join();
            assertEquals("xxxxxxxxxxxxxxxxxxxx\n", text(line.get()));
            assertEquals(0.0, loop.time(), "no timer was jumped to while the bytes were arriving");
        }
    }
}
