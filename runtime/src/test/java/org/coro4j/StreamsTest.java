package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.loopWhile;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.run;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streams over loopback sockets: {@link Asyncio#openConnection}, {@link Asyncio#startServer},
 * {@link StreamReader} and {@link StreamWriter} end to end. Ports of CPython's
 * Lib/test/test_asyncio/test_streams.py are named in a comment.
 */
class StreamsTest extends LoopbackTest {
    private static final String HOST = "127.0.0.1";

    /** Echoes each line back until the end of the stream, then closes. */
    private static final ConnectionHandler ECHO = (reader, writer) -> script(
            loopWhile(() -> !reader.atEof(), block(
                    await(reader::readLine, line -> writer.write((byte[]) line)),
                    await(writer::drain))),
            run(writer::close));

    /** An event on the test's loop. */
    private Event event() {
        return loop.runUntilComplete(script(returning(Event::new)));
    }

    @Test
    void echoOneLine() {
        // test_streams.py: test_start_server (and test_open_connection: a line there and back)
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> line = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                run(() -> connection.get().writer().write(bytes("hello world!\n"))),
                await(() -> connection.get().reader().readLine(), line::set),
                run(() -> connection.get().writer().close()),
                await(() -> connection.get().writer().waitClosed()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("hello world!\n", text(line.get()));
        assertTrue(connection.get().writer().isClosing());
        assertFalse(server.get().isServing());
        assertEquals(List.of(), reported);
    }

    @Test
    void readExactlyAndReadOverTheNetwork() {
        // test_streams.py: test_open_connection (readexactly and read after readline)
        ConnectionHandler greeter = (reader, writer) -> script(
                run(() -> writer.write(bytes("HTTP/1.0 200 OK\r\n12345abcdefg"))),
                run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        List<String> read = new ArrayList<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(greeter, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                await(() -> connection.get().reader().readLine(), b -> read.add(text(b))),
                await(() -> connection.get().reader().readExactly(5), b -> read.add(text(b))),
                await(() -> connection.get().reader().read(-1), b -> read.add(text(b))),
                await(() -> connection.get().reader().read(10), b -> read.add(text(b))),
                run(() -> connection.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals(List.of("HTTP/1.0 200 OK\r\n", "12345", "abcdefg", ""), read);
        assertTrue(connection.get().reader().atEof());
    }

    @Test
    void aMegabyteBothWaysWithBackPressure() {
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        StreamOptions small = StreamOptions.defaults().limit(1024).writeBufferLimits(4096, 1024);
        ConnectionHandler echoExactly = (reader, writer) -> script(
                await(() -> reader.readExactly(big.length), data -> writer.write((byte[]) data)),
                await(writer::drain),
                run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> back = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(echoExactly, HOST, 0, small), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port(), small), connection::set),
                run(() -> connection.get().writer().write(big)),
                await(() -> connection.get().writer().drain()),
                await(() -> connection.get().reader().read(-1), back::set),
                run(() -> connection.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertArrayEquals(big, (byte[]) back.get());
    }

    @Test
    void backPressurePropagatesFromAReaderThatDoesNotReadToTheWritersDrain() {
        int size = 8 << 20;
        int limit = 1024;
        Slot<Future<Void>> serverDrain = new Slot<>();
        Event written = event();
        ConnectionHandler flood = (reader, writer) -> script(
                run(() -> writer.write(new byte[size])),
                run(() -> serverDrain.set(writer.drain())),
                run(written::set),
                await(serverDrain::get),
                await(() -> reader.read(-1)),
                run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> all = new Slot<>();
        List<Integer> bufferedWhileNotReading = new ArrayList<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(flood, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port(), StreamOptions.defaults().limit(limit)), connection::set),
                await(written::await),
                await(() -> Asyncio.sleep(0.3)),
                run(() -> bufferedWhileNotReading.add(connection.get().reader().buffered().length)),
                run(() -> assertFalse(serverDrain.get().isDone(), "the server's drain waits while the client does not read")),
                await(() -> connection.get().reader().readExactly(size), all::set),
                await(serverDrain::get),
                run(() -> connection.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertTrue(bufferedWhileNotReading.get(0) <= 2 * limit + 64 * 1024,
                "the client stopped reading the socket above twice its limit: " + bufferedWhileNotReading);
        assertEquals(size, ((byte[]) all.get()).length);
    }

    @Test
    void aServerOnEveryInterface() {
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> line = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, null, 0, StreamOptions.defaults().backlog(5)), server::set),
                await(() -> Asyncio.openConnection("localhost", server.get().port()), connection::set),
                run(() -> connection.get().writer().write(bytes("anyone\n"))),
                await(() -> connection.get().reader().readLine(), line::set),
                run(() -> assertTrue(server.get().sockets().get(0).getAddress().isAnyLocalAddress(), server.get().sockets().toString())),
                run(() -> connection.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("anyone\n", text(line.get()));
    }

    @Test
    void cancellingOpenConnectionClosesItsSocket() {
        Slot<Future<Connection>> opening = new Slot<>();
        loop.runUntilComplete(script(
                run(() -> opening.set(Asyncio.openConnection(HOST, 9))),
                run(() -> assertTrue(opening.get().cancel())),
                await(() -> Asyncio.sleep(0.1))));
        assertTrue(opening.get().isCancelled());
    }

    @Test
    void portsAreChecked() {
        loop.runUntilComplete(script(
                run(() -> assertEquals("port out of range: 65536",
                        assertThrows(IllegalArgumentException.class, () -> Asyncio.openConnection(HOST, 65536)).getMessage())),
                run(() -> assertEquals("port out of range: -1",
                        assertThrows(IllegalArgumentException.class, () -> Asyncio.startServer(ECHO, HOST, -1)).getMessage()))));
    }

    @Test
    void writeSendsAtOnceWithoutDrainOrMoreInput() {
        // a reply is not held back waiting for more input: the server answers each line it gets
        ConnectionHandler answer = (reader, writer) -> script(
                await(reader::readLine, line -> writer.write(bytes("got " + text(line)))),
                await(reader::readLine),
                run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> reply = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(answer, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                run(() -> connection.get().writer().write(bytes("one\n"))),
                await(() -> connection.get().reader().readLine(), reply::set),
                run(() -> connection.get().writer().write(bytes("two\n"))),
                await(() -> connection.get().reader().read(-1)),
                run(() -> connection.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("got one\n", text(reply.get()));
    }

    @Test
    void halfCloseLetsThePeerAnswerAfterOurEof() {
        ConnectionHandler countBytes = (reader, writer) -> script(
                await(() -> reader.read(-1), data -> writer.write(bytes(((byte[]) data).length + " bytes\n"))),
                run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> reply = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(countBytes, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                run(() -> assertTrue(connection.get().writer().canWriteEof())),
                run(() -> connection.get().writer().write(bytes("twelve bytes"))),
                run(() -> connection.get().writer().writeEof()),
                await(() -> connection.get().reader().readLine(), reply::set),
                await(() -> connection.get().reader().read(1)),
                run(() -> assertTrue(connection.get().reader().atEof())),
                run(() -> connection.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("12 bytes\n", text(reply.get()));
        assertEquals("Cannot call write() after writeEof()",
                assertThrows(IllegalStateException.class, () -> connection.get().writer().write(bytes("late"))).getMessage());
    }

    @Test
    void extraInfoNamesBothEnds() {
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set)));
        StreamWriter writer = connection.get().writer();
        InetSocketAddress peer = (InetSocketAddress) writer.getExtraInfo("peername");
        InetSocketAddress local = (InetSocketAddress) writer.getExtraInfo("sockname");
        assertEquals(server.get().port(), peer.getPort());
        assertEquals(HOST, peer.getAddress().getHostAddress());
        assertNotNull(local);
        assertInstanceOf(SocketChannel.class, writer.getExtraInfo("socket"));
        assertEquals(null, writer.getExtraInfo("nothing"));
        assertEquals(List.of(new InetSocketAddress(HOST, server.get().port())), server.get().sockets());
        loop.runUntilComplete(script(
                run(writer::close),
                await(writer::waitClosed),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals(List.of(), server.get().sockets());
    }

    @Test
    void connectionRefusedIsTheJdksConnectException() throws IOException {
        // test_streams.py: test_open_connection_error
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Slot<Throwable> error = new Slot<>();
        loop.runUntilComplete(script(tryCatch(
                block(await(() -> Asyncio.openConnection(HOST, port))),
                Exception.class, e -> block(run(() -> error.set(e))))));
        assertInstanceOf(ConnectException.class, error.get());
    }

    @Test
    void anUnknownHostIsTheJdksUnknownHostException() {
        Slot<Throwable> error = new Slot<>();
        loop.runUntilComplete(script(tryCatch(
                block(await(() -> Asyncio.openConnection("no-such-host.invalid", 80))),
                Exception.class, e -> block(run(() -> error.set(e))))));
        assertInstanceOf(UnknownHostException.class, error.get());
    }

    @Test
    void thePeerClosingMidLine() {
        ConnectionHandler halfLine = (reader, writer) -> script(
                run(() -> writer.write(bytes("no newline"))),
                run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> first = new Slot<>();
        Slot<Connection> second = new Slot<>();
        Slot<Object> line = new Slot<>();
        Slot<Throwable> incomplete = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(halfLine, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), first::set),
                await(() -> first.get().reader().readLine(), line::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), second::set),
                tryCatch(block(await(() -> second.get().reader().readExactly(100))),
                        IncompleteReadException.class, e -> block(run(() -> incomplete.set(e)))),
                run(() -> first.get().writer().close()),
                run(() -> second.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("no newline", text(line.get()));
        IncompleteReadException error = (IncompleteReadException) incomplete.get();
        assertEquals("no newline", text(error.partial()));
        assertEquals(100, error.expected());
    }

    @Test
    void aResetConnectionFailsTheReadWithTheJdksIOException() {
        ConnectionHandler reset = (reader, writer) -> script(
                await(reader::readLine),
                run(() -> {
                    try {
                        ((SocketChannel) writer.getExtraInfo("socket")).setOption(StandardSocketOptions.SO_LINGER, 0);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    writer.transport().abort();
                }));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Throwable> error = new Slot<>();
        Slot<Throwable> drainError = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(reset, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                run(() -> connection.get().writer().write(bytes("go\n"))),
                tryCatch(block(await(() -> connection.get().reader().readLine())),
                        Exception.class, e -> block(run(() -> error.set(e)))),
                tryCatch(block(await(() -> connection.get().writer().drain())),
                        Exception.class, e -> block(run(() -> drainError.set(e)))),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertInstanceOf(IOException.class, error.get());
        assertSame(error.get(), drainError.get(), "drain throws the reader's error");
        assertTrue(connection.get().writer().isClosing());
    }

    @Test
    void aHandlerThatThrowsClosesItsConnectionOnlyAndIsReported() {
        // test_streams.py: test_unhandled_exceptions (the client_connected_cb raising)
        IllegalStateException boom = new IllegalStateException("boom");
        ConnectionHandler handler = (reader, writer) -> script(
                await(reader::readLine, line -> {
                    if (text(line).equals("fail\n")) {
                        throw boom;
                    }
                    writer.write(bytes("ok\n"));
                }),
                await(reader::readLine),
                run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> failing = new Slot<>();
        Slot<Connection> healthy = new Slot<>();
        Slot<Object> eof = new Slot<>();
        Slot<Object> ok = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(handler, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), healthy::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), failing::set),
                run(() -> failing.get().writer().write(bytes("fail\n"))),
                await(() -> failing.get().reader().read(-1), eof::set),
                run(() -> healthy.get().writer().write(bytes("hello\n"))),
                await(() -> healthy.get().reader().readLine(), ok::set),
                run(() -> healthy.get().writer().close()),
                run(() -> failing.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("", text(eof.get()), "the failing connection was closed");
        assertEquals("ok\n", text(ok.get()), "the other connection was served");
        assertEquals(1, reported.size(), reported.toString());
        assertSame(boom, reported.get(0).exception());
        assertNotNull(reported.get(0).task());
    }

    @Test
    void aTaskCancelledInDrainThrowsCancelledExceptionThere() {
        // the server never reads, so the client's write buffer fills and drain waits
        Event release = event();
        Event blocked = event();
        ConnectionHandler sleeper = (reader, writer) -> script(
                await(release::await),
                await(() -> reader.read(-1)),
                run(writer::close));
        StreamOptions tiny = StreamOptions.defaults().writeBufferLimits(1024, 0);
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        List<String> events = new ArrayList<>();
        Slot<Task<?>> writer = new Slot<>();
        byte[] chunk = new byte[64 * 1024];
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(sleeper, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port(), tiny), connection::set),
                run(() -> writer.set(Asyncio.createTask(script(
                            tryCatch(block(loopWhile(() -> true, block(
                                    run(() -> connection.get().writer().write(chunk)),
                                    await(() -> {
                                        Future<Void> drain = connection.get().writer().drain();
                                        if (!drain.isDone()) {
                                            blocked.set();
                                        }
                                        return drain;
                                    }),
                                    run(() -> events.add("drained"))))),
                                    CancelledException.class, e -> block(
                                            run(() -> events.add("cancelled in drain")),
                                            run(() -> {
                                                throw (CancelledException) e;
                                            }))))))),
                await(blocked::await),
                run(() -> writer.get().cancel()),
                await(() -> Asyncio.sleep(0)),
                run(release::set),
                run(() -> connection.get().writer().close()),
                await(() -> connection.get().writer().waitClosed()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("cancelled in drain", events.get(events.size() - 1), events.toString());
        assertTrue(writer.get().isCancelled());
    }

    @Test
    void aTaskCancelledInReadLineLosesNothingAndTheNextReadGetsTheBytes() {
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<StreamWriter> serverSide = new Slot<>();
        Slot<Object> line = new Slot<>();
        Event accepted = event();
        ConnectionHandler keep = (reader, writer) -> script(
                run(() -> serverSide.set(writer)),
                run(accepted::set),
                await(() -> reader.read(-1)),
                run(writer::close));
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(keep, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                await(accepted::await),
                run(() -> serverSide.get().write(bytes("part"))),
                await(() -> {
                    Task<Object> blocked = Asyncio.createTask(script(await(() -> connection.get().reader().readLine())));
                    return Asyncio.sleep(0.1, blocked);
                }, blocked -> ((Task<?>) blocked).cancel()),
                await(() -> Asyncio.sleep(0)),
                run(() -> serverSide.get().write(bytes("ial\n"))),
                await(() -> connection.get().reader().readLine(), line::set),
                run(() -> connection.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("partial\n", text(line.get()));
    }

    @Test
    void theWriterSeesItsOwnEofAfterClosing() {
        // test_streams.py: test_eof_feed_when_closing_writer
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                run(() -> connection.get().writer().close()),
                await(() -> connection.get().writer().waitClosed()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertTrue(connection.get().reader().atEof());
    }

    @Test
    void waitClosedAfterCloseWithUnreadData() {
        // test_streams.py: test_wait_closed_on_close_with_unread_data
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                run(() -> connection.get().writer().write(bytes("unread\n"))),
                await(() -> Asyncio.sleep(0.05)),
                run(() -> assertFalse(connection.get().writer().isClosing())),
                run(() -> connection.get().writer().close()),
                run(() -> assertTrue(connection.get().writer().isClosing())),
                await(() -> connection.get().writer().waitClosed()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertTrue(connection.get().writer().waitClosed().isDone());
    }

    @Test
    void drainAfterTheConnectionIsLostFails() {
        // test_streams.py: test_drain_raises
        ConnectionHandler closeAtOnce = (reader, writer) -> script(run(writer::close));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Throwable> error = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(closeAtOnce, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                tryCatch(block(loopWhile(() -> true, block(
                                run(() -> connection.get().writer().write(bytes("foo\n"))),
                                await(() -> connection.get().writer().drain()),
                                await(() -> Asyncio.sleep(0.01))))),
                        IOException.class, e -> block(run(() -> error.set(e)))),
                run(() -> connection.get().writer().close()),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertInstanceOf(IOException.class, error.get());
    }

    @Test
    void drainAfterCloseFailsWithConnectionLost() {
        // test_streams.py: test_async_writer_api_exception_after_close
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Throwable> error = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                run(() -> connection.get().writer().close()),
                run(() -> connection.get().writer().write(bytes("after close\n"))),
                tryCatch(block(await(() -> connection.get().writer().drain())),
                        IOException.class, e -> block(run(() -> error.set(e)))),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        assertEquals("Connection lost", error.get().getMessage());
    }

    @Test
    void aCancelledHandlerIsNotReported() {
        // test_streams.py: test_unhandled_cancel
        Slot<Task<?>> handlerTask = new Slot<>();
        Event started = event();
        ConnectionHandler forever = (reader, writer) -> script(
                run(() -> handlerTask.set(Asyncio.currentTask())),
                run(started::set),
                await(() -> new Future<Void>()));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> eof = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(forever, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                await(started::await),
                run(() -> handlerTask.get().cancel()),
                await(() -> Asyncio.gather(true, List.of(handlerTask.get()))),
                run(() -> server.get().close()),
                run(() -> server.get().closeClients()),
                await(() -> connection.get().reader().read(-1), eof::set),
                await(() -> server.get().waitClosed()),
                run(() -> connection.get().writer().close())));
        assertTrue(handlerTask.get().isCancelled());
        assertEquals(List.of(), reported);
        assertEquals("", text(eof.get()));
    }

    @Test
    void serverCloseKeepsConnectionsCloseClientsClosesThem() {
        // test_server.py: test_close_clients
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Object> echoed = new Slot<>();
        Slot<Object> eof = new Slot<>();
        Slot<Object> waited = new Slot<>();
        Event accepted = event();
        ConnectionHandler echo = (reader, writer) -> script(run(accepted::set), await(() -> ECHO.handle(reader, writer)));
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(echo, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                await(accepted::await),
                run(() -> server.get().close()),
                run(() -> assertFalse(server.get().isServing())),
                run(() -> waited.set(server.get().waitClosed())),
                run(() -> connection.get().writer().write(bytes("still here\n"))),
                await(() -> connection.get().reader().readLine(), echoed::set),
                run(() -> assertFalse(((Future<?>) waited.get()).isDone(), "a connection is still open")),
                run(() -> server.get().closeClients()),
                await(() -> connection.get().reader().read(-1), eof::set),
                await(() -> (Future<?>) waited.get()),
                run(() -> connection.get().writer().close())));
        assertEquals("still here\n", text(echoed.get()));
        assertEquals("", text(eof.get()));
    }

    @Test
    void abortClientsDropsWhatWasBuffered() {
        // test_server.py: test_abort_clients
        StreamOptions small = StreamOptions.defaults().writeBufferLimits(1024, 0);
        Slot<StreamWriter> serverSide = new Slot<>();
        Event accepted = event();
        ConnectionHandler hold = (reader, writer) -> script(
                run(() -> serverSide.set(writer)),
                run(accepted::set),
                await(() -> reader.read(-1)));
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        Slot<Throwable> error = new Slot<>();
        byte[] lots = new byte[8 << 20];
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(hold, HOST, 0, small), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port(), StreamOptions.defaults().limit(1024)), connection::set),
                await(accepted::await),
                run(() -> serverSide.get().write(lots)),
                run(() -> assertTrue(serverSide.get().transport().writeBufferSize() > 0, "the client does not read: bytes stay buffered")),
                run(() -> server.get().close()),
                run(() -> server.get().abortClients()),
                await(() -> server.get().waitClosed()),
                tryCatch(block(await(() -> serverSide.get().drain())),
                        IOException.class, e -> block(run(() -> error.set(e)))),
                run(() -> connection.get().writer().close())));
        assertTrue(serverSide.get().isClosing());
        assertEquals(0, serverSide.get().transport().writeBufferSize());
        assertNotNull(error.get(), "drain after abort fails: the connection is lost");
    }

    @Test
    void cancellingServeForeverClosesTheServer() {
        Slot<Server> server = new Slot<>();
        Slot<Throwable> cancelled = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                await(() -> {
                    Task<Object> forever = Asyncio.createTask(script(
                            tryCatch(block(await(() -> server.get().serveForever())),
                                    CancelledException.class, e -> block(run(() -> cancelled.set(e))))));
                    return Asyncio.sleep(0.05, forever);
                }, forever -> ((Task<?>) forever).cancel()),
                await(() -> server.get().waitClosed())));
        assertFalse(server.get().isServing());
        assertInstanceOf(CancelledException.class, cancelled.get());
        assertThrows(IllegalStateException.class, () -> server.get().serveForever());
    }

    @Test
    void closingTheServerEndsServeForever() {
        Slot<Server> server = new Slot<>();
        Slot<Future<Void>> forever = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                run(() -> forever.set(server.get().serveForever())),
                run(() -> assertEquals("server " + server.get() + " is already being awaited on serveForever()",
                        assertThrows(IllegalStateException.class, () -> server.get().serveForever()).getMessage())),
                run(() -> server.get().close())));
        assertTrue(forever.get().isCancelled());
    }

    @Test
    void closingTheLoopClosesEveryServerAndConnection() {
        Slot<Server> server = new Slot<>();
        Slot<Connection> connection = new Slot<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                run(() -> connection.get().writer().write(bytes("pending\n"))),
                await(() -> Asyncio.sleep(0.05))));
        SocketChannel socket = (SocketChannel) connection.get().writer().getExtraInfo("socket");
        assertTrue(socket.isOpen());
        loop.close();
        assertFalse(socket.isOpen());
        assertTrue(connection.get().writer().isClosing());
        assertFalse(server.get().isServing());
        assertEquals(List.of(), server.get().sockets());
        // the base class checks that no descriptor is left open
    }

    @Test
    void manyConnectionsAtOnce() {
        Slot<Server> server = new Slot<>();
        int clients = 50;
        List<Object> replies = new ArrayList<>();
        loop.runUntilComplete(script(
                await(() -> Asyncio.startServer(ECHO, HOST, 0), server::set),
                await(() -> {
                    List<Coroutine<Object>> all = new ArrayList<>();
                    for (int i = 0; i < clients; i++) {
                        String line = "client " + i + "\n";
                        Slot<Connection> connection = new Slot<>();
                        all.add(script(
                                await(() -> Asyncio.openConnection(HOST, server.get().port()), connection::set),
                                run(() -> connection.get().writer().write(bytes(line))),
                                await(() -> connection.get().reader().readLine(), replies::add),
                                run(() -> connection.get().writer().close()),
                                await(() -> connection.get().writer().waitClosed())));
                    }
                    return Asyncio.gather(new ArrayList<>(all));
                }),
                run(() -> server.get().close()),
                await(() -> server.get().waitClosed())));
        List<String> sorted = new ArrayList<>();
        for (Object reply : replies) {
            sorted.add(text(reply));
        }
        String[] expected = new String[clients];
        for (int i = 0; i < clients; i++) {
            expected[i] = "client " + i + "\n";
        }
        Arrays.sort(expected);
        sorted.sort(null);
        assertEquals(Arrays.asList(expected), sorted);
    }
}
