package org.coro4j;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.coro4j.Script.await;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamWriter}'s flow control and closing over {@link StreamProtocol}, on a recording
 * transport (no socket), on the virtual clock.
 */
class StreamWriterTest extends VirtualLoopTest {
    private final RecordingTransport transport = new RecordingTransport();
    private final StreamReader reader = new StreamReader(loop, 1024);
    private final StreamProtocol protocol = new StreamProtocol(loop, reader);
    private final StreamWriter writer = new StreamWriter(loop, transport, protocol, reader);

    @Test
    void writesGoToTheTransport() {
        writer.write("one ".getBytes(US_ASCII));
        writer.write(ByteBuffer.wrap("two ".getBytes(US_ASCII)));
        writer.writeLines(List.of("three".getBytes(US_ASCII), "\n".getBytes(US_ASCII)));
        assertEquals("one two three\n", transport.written.toString());
        writer.writeEof();
        assertEquals(List.of("writeEof"), transport.calls);
        assertTrue(writer.canWriteEof());
    }

    @Test
    void drainIsDoneAtOnceBelowTheHighWaterMark() {
        assertTrue(writer.drain().isDone());
    }

    @Test
    void everyWaitingDrainResumesAtTheLowWaterMark() {
        // test_streams.py: test_multiple_drain
        protocol.pauseWriting();
        List<Task<Object>> drains = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "drain " + i;
            drains.add(loop.createTask(script(await(writer::drain), log(name))));
        }
        runMain(script(
                await(() -> Asyncio.sleep(1)),
                Script.run(() -> assertTrue(events.isEmpty())),
                Script.run(protocol::resumeWriting),
                await(() -> Asyncio.gather(new ArrayList<>(drains)))));
        assertEquals(List.of("drain 0", "drain 1", "drain 2"), events);
    }

    @Test
    void aCancelledDrainDoesNotStopTheOthers() {
        protocol.pauseWriting();
        Task<Object> cancelled = loop.createTask(script(await(writer::drain), log("cancelled one resumed")));
        Task<Object> other = loop.createTask(script(await(writer::drain), log("other resumed")));
        runMain(script(
                await(() -> Asyncio.sleep(0)),
                Script.run(cancelled::cancel),
                await(() -> Asyncio.sleep(0)),
                Script.run(protocol::resumeWriting),
                await(() -> Asyncio.gather(true, List.of(cancelled, other)))));
        assertTrue(cancelled.isCancelled());
        assertEquals(List.of("other resumed"), events);
    }

    @Test
    void aDrainWaitingWhenTheConnectionIsLostFailsWithItsError() {
        protocol.pauseWriting();
        Future<Void> drain = writer.drain();
        SocketException reset = new SocketException("Connection reset");
        protocol.connectionLost(reset);
        assertSame(reset, drain.exception());
        assertSame(reset, writer.waitClosed().exception());
        assertSame(reset, writer.drain().exception(), "the reader's error");
    }

    @Test
    void drainAfterACleanLossFailsWithConnectionLost() {
        protocol.connectionLost(null);
        Throwable error = writer.drain().exception();
        assertInstanceOf(SocketException.class, error);
        assertEquals("Connection lost", error.getMessage());
        assertTrue(writer.waitClosed().isDone());
        assertTrue(reader.atEof());
    }

    @Test
    void drainWhileClosingSeesTheLossOnTheNextIteration() {
        writer.close();
        // as a socket transport does, the loss is reported on the next iteration
        loop.callSoon(() -> protocol.connectionLost(null));
        assertTrue(writer.isClosing());
        Future<Void> drain = writer.drain();
        assertFalse(drain.isDone());
        runMain(script(await(() -> Asyncio.gather(true, List.of(drain)))));
        assertEquals("Connection lost", drain.exception().getMessage());
    }

    @Test
    void waitClosedIsDoneOnceTheConnectionIsLost() {
        Future<Void> closed = writer.waitClosed();
        assertFalse(closed.isDone());
        protocol.connectionLost(null);
        assertTrue(closed.isDone());
        assertEquals(null, closed.result());
    }
}
