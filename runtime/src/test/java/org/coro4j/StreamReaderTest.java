package org.coro4j;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.coro4j.Script.await;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The buffer logic of {@link StreamReader}, fed directly (no socket), on the virtual clock. Most
 * tests port CPython's Lib/test/test_asyncio/test_streams.py (named in a comment).
 */
class StreamReaderTest extends VirtualLoopTest {

    private static final byte[] DATA = bytes("line1\nline2\nline3\n");

    private final RecordingTransport transport = new RecordingTransport();

    private StreamReader reader(int limit) {
        StreamReader reader = new StreamReader(loop, limit);
        reader.setTransport(transport);
        return reader;
    }

    private StreamReader reader() {
        return reader(64 * 1024);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(US_ASCII);
    }

    private static String text(Future<byte[]> read) {
        assertTrue(read.isDone(), "the read is done");
        return new String(read.result(), US_ASCII);
    }

    /** What is buffered, as a test sees asyncio's {@code _buffer}. */
    private static String buffered(StreamReader reader) {
        return new String(reader.buffered(), US_ASCII);
    }

    @Test
    void feedingNothingBuffersNothing() {
        // test_streams.py: test_feed_empty_data
        StreamReader reader = reader();
        reader.feedData(new byte[0]);
        assertEquals("", buffered(reader));
    }

    @Test
    void feedingDataBuffersIt() {
        // test_streams.py: test_feed_nonempty_data
        StreamReader reader = reader();
        reader.feedData(DATA);
        assertEquals(new String(DATA, US_ASCII), buffered(reader));
    }

    @Test
    void readZeroIsEmptyAndConsumesNothing() {
        // test_streams.py: test_read_zero
        StreamReader reader = reader();
        reader.feedData(DATA);
        assertEquals("", text(reader.read(0)));
        assertEquals(new String(DATA, US_ASCII), buffered(reader));
    }

    @Test
    void readWaitsForData() {
        // test_streams.py: test_read
        StreamReader reader = reader();
        Future<byte[]> read = reader.read(30);
        assertFalse(read.isDone());
        reader.feedData(DATA);
        assertEquals(new String(DATA, US_ASCII), text(read));
        assertEquals("", buffered(reader));
    }

    @Test
    void readTakesAtMostNBytes() {
        // test_streams.py: test_read_line_breaks
        StreamReader reader = reader();
        reader.feedData(bytes("line1"));
        reader.feedData(bytes("line2"));
        assertEquals("line1", text(reader.read(5)));
        assertEquals("line2", buffered(reader));
    }

    @Test
    void readAtEofIsEmpty() {
        // test_streams.py: test_read_eof
        StreamReader reader = reader();
        Future<byte[]> read = reader.read(1024);
        assertFalse(read.isDone());
        reader.feedEof();
        assertEquals("", text(read));
        assertTrue(reader.atEof());
    }

    @Test
    void readMinusOneReadsToEof() {
        // test_streams.py: test_read_until_eof
        StreamReader reader = reader();
        Future<byte[]> read = reader.read(-1);
        reader.feedData(bytes("chunk1\n"));
        reader.feedData(bytes("chunk2"));
        assertFalse(read.isDone());
        reader.feedEof();
        assertEquals("chunk1\nchunk2", text(read));
        assertEquals("", buffered(reader));
    }

    @Test
    void readAfterAnExceptionThrowsIt() {
        // test_streams.py: test_read_exception
        StreamReader reader = reader();
        reader.feedData(bytes("line\n"));
        assertEquals("li", text(reader.read(2)));
        IllegalStateException error = new IllegalStateException("boom");
        reader.setException(error);
        assertSame(error, assertThrows(IllegalStateException.class, () -> reader.read(2).result()));
    }

    @Test
    void aLimitMustBePositive() {
        // test_streams.py: test_invalid_limit
        assertEquals("Limit cannot be <= 0: 0", assertThrows(IllegalArgumentException.class, () -> new StreamReader(loop, 0)).getMessage());
        assertEquals("Limit cannot be <= 0: -1", assertThrows(IllegalArgumentException.class, () -> new StreamReader(loop, -1)).getMessage());
    }

    @Test
    void readIsNotBoundByTheLimit() {
        // test_streams.py: test_read_limit
        StreamReader reader = reader(3);
        reader.feedData(bytes("chunk"));
        assertEquals("chunk", text(reader.read(5)));
        assertEquals("", buffered(reader));
    }

    @Test
    void readLineWaitsForTheNewlineAcrossChunks() {
        // test_streams.py: test_readline
        StreamReader reader = reader();
        reader.feedData(bytes("chunk1 "));
        Future<byte[]> line = reader.readLine();
        assertFalse(line.isDone());
        reader.feedData(bytes("chunk2 "));
        assertFalse(line.isDone());
        reader.feedData(bytes("chunk3 \n chunk4"));
        assertEquals("chunk1 chunk2 chunk3 \n", text(line));
        assertEquals(" chunk4", buffered(reader));
    }

    @Test
    void readLinePastTheLimitDiscardsTheLineWithExistingData() {
        // test_streams.py: test_readline_limit_with_existing_data
        StreamReader reader = reader(3);
        reader.feedData(bytes("li"));
        reader.feedData(bytes("ne1\nline2\n"));
        assertThrows(LimitOverrunException.class, () -> reader.readLine().result());
        assertEquals("line2\n", buffered(reader));

        StreamReader second = reader(3);
        second.feedData(bytes("li"));
        second.feedData(bytes("ne1"));
        second.feedData(bytes("li"));
        assertThrows(LimitOverrunException.class, () -> second.readLine().result());
        assertEquals("", buffered(second));
    }

    @Test
    void atEofOnlyOnceEverythingIsRead() {
        // test_streams.py: test_at_eof
        StreamReader reader = reader();
        assertFalse(reader.atEof());
        reader.feedData(bytes("some data\n"));
        assertFalse(reader.atEof());
        text(reader.readLine());
        assertFalse(reader.atEof());
        reader.feedData(bytes("some data\n"));
        reader.feedEof();
        text(reader.readLine());
        assertTrue(reader.atEof());
    }

    @Test
    void readLinePastTheLimit() {
        // test_streams.py: test_readline_limit
        StreamReader reader = reader(7);
        Future<byte[]> line = reader.readLine();
        reader.feedData(bytes("chunk1"));
        reader.feedData(bytes("chunk2"));
        reader.feedData(bytes("chunk3\n"));
        reader.feedEof();
        assertThrows(LimitOverrunException.class, line::result);
        // the overlong line was searched and discarded; the rest of it is what the next read sees
        StreamReader second = reader(7);
        second.feedData(bytes("chunk1"));
        second.feedData(bytes("chunk2\n"));
        second.feedData(bytes("chunk3\n"));
        second.feedEof();
        assertThrows(LimitOverrunException.class, () -> second.readLine().result());
        assertEquals("chunk3\n", buffered(second));

        StreamReader exact = reader(7);
        exact.feedData(bytes("1234567\n"));
        assertEquals("1234567\n", text(exact.readLine()));
        exact.feedData(bytes("12345678\n"));
        LimitOverrunException overrun = assertThrows(LimitOverrunException.class, () -> exact.readLine().result());
        assertEquals("Separator is found, but chunk is longer than limit", overrun.getMessage());
        assertEquals("", buffered(exact));
        exact.feedData(bytes("12345678"));
        overrun = assertThrows(LimitOverrunException.class, () -> exact.readLine().result());
        assertEquals("Separator is not found, and chunk exceed the limit", overrun.getMessage());
        assertEquals("", buffered(exact));
    }

    @Test
    void readLineWithoutWaiting() {
        // test_streams.py: test_readline_nolimit_nowait
        StreamReader reader = reader();
        reader.feedData(DATA);
        reader.feedData(DATA);
        assertEquals("line1\n", text(reader.readLine()));
        assertEquals("line2\nline3\nline1\nline2\nline3\n", buffered(reader));
    }

    @Test
    void readsOfBufferedBytesAreDoneAtOnceAndTakeOnlyTheirBytes() {
        StreamReader reader = reader();
        reader.feedData(bytes("ab\ncdefXYgh"));
        assertEquals("ab\n", text(reader.readLine()));
        assertEquals("cd", text(reader.readExactly(2)));
        assertEquals("efXY", text(reader.readUntil(bytes("XY"))));
        assertEquals("gh", buffered(reader));
        Future<byte[]> line = reader.readLine();
        assertFalse(line.isDone(), "no newline is buffered: the read waits");
        reader.feedData(bytes("i\n"));
        assertEquals("ghi\n", text(line));
    }

    @Test
    void aBufferedLineBeyondTheLimitStillOverruns() {
        StreamReader reader = reader(4);
        reader.feedData(bytes("abcdef\nok\n"));
        Future<byte[]> overlong = reader.readLine();
        assertInstanceOf(LimitOverrunException.class, overlong.exception());
        assertEquals("ok\n", text(reader.readLine()));
    }

    @Test
    void readLineAtEofReturnsTheRest() {
        // test_streams.py: test_readline_eof
        StreamReader reader = reader();
        reader.feedData(bytes("some data"));
        reader.feedEof();
        assertEquals("some data", text(reader.readLine()));
    }

    @Test
    void readLineAtAnEmptyEofIsEmpty() {
        // test_streams.py: test_readline_empty_eof
        StreamReader reader = reader();
        reader.feedEof();
        assertEquals("", text(reader.readLine()));
    }

    @Test
    void readLineThenReadACount() {
        // test_streams.py: test_readline_read_byte_count
        StreamReader reader = reader();
        reader.feedData(DATA);
        text(reader.readLine());
        assertEquals("line2\nl", text(reader.read(7)));
        assertEquals("ine3\n", buffered(reader));
    }

    @Test
    void readLineAfterAnException() {
        // test_streams.py: test_readline_exception
        StreamReader reader = reader();
        reader.feedData(bytes("line\n"));
        assertEquals("line\n", text(reader.readLine()));
        reader.setException(new IllegalArgumentException("bad"));
        assertThrows(IllegalArgumentException.class, () -> reader.readLine().result());
        assertEquals("", buffered(reader));
    }

    @Test
    void readUntilNeedsASeparator() {
        // test_streams.py: test_readuntil_separator
        StreamReader reader = reader();
        assertEquals("Separator should be at least one-byte string",
                assertThrows(IllegalArgumentException.class, () -> reader.readUntil(new byte[0])).getMessage());
    }

    @Test
    void readUntilAMultiByteSeparator() {
        // test_streams.py: test_readuntil_multi_chunks
        StreamReader reader = reader();
        reader.feedData(bytes("lineAAA"));
        assertEquals("lineAAA", text(reader.readUntil(bytes("AAA"))));
        assertEquals("", buffered(reader));
        reader.feedData(bytes("lineAAAxxx"));
        assertEquals("lineAAA", text(reader.readUntil(bytes("AAA"))));
        assertEquals("xxx", buffered(reader));
    }

    @Test
    void readUntilASeparatorSplitAcrossChunks() {
        // test_streams.py: test_readuntil_multi_chunks_1
        StreamReader reader = reader();
        Future<byte[]> read = reader.readUntil(bytes("aaa"));
        reader.feedData(bytes("QWEaa"));
        reader.feedData(bytes("XYaa"));
        assertFalse(read.isDone());
        reader.feedData(bytes("a"));
        assertEquals("QWEaaXYaaa", text(read));
        assertEquals("", buffered(reader));

        Future<byte[]> second = reader.readUntil(bytes("aaa"));
        reader.feedData(bytes("XYa"));
        reader.feedData(bytes("aa"));
        assertEquals("XYaaa", text(second));
    }

    @Test
    void readUntilAtEofIsIncomplete() {
        // test_streams.py: test_readuntil_eof
        StreamReader reader = reader();
        reader.feedData(bytes("some dataAA"));
        reader.feedEof();
        IncompleteReadException error = assertThrows(IncompleteReadException.class, () -> reader.readUntil(bytes("AAA")).result());
        assertArrayEquals(bytes("some dataAA"), error.partial());
        assertEquals(-1, error.expected());
        assertEquals("11 bytes read on a total of undefined expected bytes", error.getMessage());
        assertEquals("", buffered(reader));
    }

    @Test
    void readUntilPastTheLimitKeepsTheData() {
        // test_streams.py: test_readuntil_limit_found_sep
        StreamReader reader = reader(3);
        reader.feedData(bytes("some dataAA"));
        LimitOverrunException notFound = assertThrows(LimitOverrunException.class, () -> reader.readUntil(bytes("AAA")).result());
        assertEquals("Separator is not found, and chunk exceed the limit", notFound.getMessage());
        assertEquals(9, notFound.consumed());
        assertEquals("some dataAA", buffered(reader));
        reader.feedData(bytes("A"));
        LimitOverrunException found = assertThrows(LimitOverrunException.class, () -> reader.readUntil(bytes("AAA")).result());
        assertEquals("Separator is found, but chunk is longer than limit", found.getMessage());
        assertEquals(9, found.consumed());
        assertEquals("some dataAAA", buffered(reader));
    }

    @Test
    void readExactlyZeroOrLess() {
        // test_streams.py: test_readexactly_zero_or_less
        StreamReader reader = reader();
        reader.feedData(DATA);
        assertEquals("", text(reader.readExactly(0)));
        assertEquals(new String(DATA, US_ASCII), buffered(reader));
        assertEquals("readExactly size can not be less than zero: -1",
                assertThrows(IllegalArgumentException.class, () -> reader.readExactly(-1)).getMessage());
    }

    @Test
    void readExactlyWaitsForEveryByte() {
        // test_streams.py: test_readexactly
        StreamReader reader = reader();
        Future<byte[]> read = reader.readExactly(2 * DATA.length);
        reader.feedData(DATA);
        assertFalse(read.isDone());
        reader.feedData(DATA);
        reader.feedData(DATA);
        String line = new String(DATA, US_ASCII);
        assertEquals(line + line, text(read));
        assertEquals(line, buffered(reader));
    }

    @Test
    void readExactlyIsNotBoundByTheLimit() {
        // test_streams.py: test_readexactly_limit
        StreamReader reader = reader(3);
        Future<byte[]> read = reader.readExactly(10);
        reader.feedData(bytes("chunk"));
        reader.feedData(bytes("chunk"));
        assertEquals("chunkchunk", text(read));
    }

    @Test
    void readExactlyAtEofIsIncomplete() {
        // test_streams.py: test_readexactly_eof
        StreamReader reader = reader();
        Future<byte[]> read = reader.readExactly(2 * DATA.length);
        reader.feedData(DATA);
        reader.feedEof();
        IncompleteReadException error = assertThrows(IncompleteReadException.class, read::result);
        assertArrayEquals(DATA, error.partial());
        assertEquals(2 * DATA.length, error.expected());
        assertEquals("18 bytes read on a total of 36 expected bytes", error.getMessage());
        assertEquals("", buffered(reader));
    }

    @Test
    void readExactlyAfterAnException() {
        // test_streams.py: test_readexactly_exception
        StreamReader reader = reader();
        reader.feedData(bytes("line\n"));
        assertEquals("li", text(reader.readExactly(2)));
        reader.setException(new IllegalArgumentException());
        assertThrows(IllegalArgumentException.class, () -> reader.readExactly(2).result());
    }

    @Test
    void theExceptionIsKept() {
        // test_streams.py: test_exception
        StreamReader reader = reader();
        assertNull(reader.exception());
        IllegalArgumentException error = new IllegalArgumentException();
        reader.setException(error);
        assertSame(error, reader.exception());
    }

    @Test
    void anExceptionFailsTheWaitingRead() {
        // test_streams.py: test_exception_waiter
        StreamReader reader = reader();
        Future<byte[]> read = reader.readLine();
        IllegalArgumentException error = new IllegalArgumentException();
        reader.setException(error);
        assertSame(error, read.exception());
    }

    @Test
    void aCancelledReadNoLongerWaits() {
        // test_streams.py: test_exception_cancel
        StreamReader reader = reader();
        Future<byte[]> read = reader.readLine();
        read.cancel();
        reader.setException(new IllegalStateException("message"));
        assertTrue(read.isCancelled());
        assertFalse(reader.toString().contains("waiting"), reader.toString());
    }

    @Test
    void onlyOneReadWaitsAtATime() {
        StreamReader reader = reader();
        reader.readLine();
        assertEquals("readExactly() called while another coroutine is already waiting for incoming data",
                assertThrows(IllegalStateException.class, () -> reader.readExactly(3)).getMessage());
    }

    @Test
    void theReaderPausesAboveTwiceTheLimitAndResumesAtTheLimit() {
        StreamReader reader = reader(4);
        reader.feedData(bytes("12345678"));
        assertEquals(List.of(), transport.calls);
        reader.feedData(bytes("9"));
        assertEquals(List.of("pause"), transport.calls);
        text(reader.read(4));
        assertEquals(List.of("pause"), transport.calls, "5 bytes left, above the limit");
        text(reader.read(1));
        assertEquals(List.of("pause", "resume"), transport.calls);
    }

    @Test
    void aReadNeedingMoreThanTheLimitResumesReading() {
        StreamReader reader = reader(2);
        reader.feedData(bytes("12345"));
        assertEquals(List.of("pause"), transport.calls);
        Future<byte[]> read = reader.readExactly(8);
        assertEquals(List.of("pause", "resume"), transport.calls);
        reader.feedData(bytes("678"));
        assertEquals("12345678", text(read));
        reader.feedData(bytes("abcdef"));
        assertEquals(List.of("pause", "resume", "pause"), transport.calls, "no read waits: above twice the limit pauses again");
    }

    @Test
    void readLineScansEachByteOnce() {
        StreamReader reader = reader();
        Future<byte[]> line = reader.readLine();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            reader.feedData(bytes("x"));
            expected.append('x');
        }
        reader.feedData(bytes("\n"));
        assertEquals(expected + "\n", text(line));
    }

    @Test
    void aTaskCancelledInReadLineLosesNoBufferedByte() {
        StreamReader reader = reader();
        reader.feedData(bytes("partial"));
        List<Object> seen = new ArrayList<>();
        Task<Object> blocked = loop.createTask(script(await(reader::readLine, seen::add)));
        Coroutine<String> main = script(
                await(() -> Asyncio.sleep(0)),
                Script.run(blocked::cancel),
                await(() -> Asyncio.gather(true, List.of(blocked))),
                Script.run(() -> reader.feedData(bytes(" line\n"))),
                returning(() -> null));
        runMain(main);
        assertTrue(blocked.isCancelled());
        assertEquals(List.of(), seen);
        assertEquals("partial line\n", text(reader.readLine()));
    }

    @Test
    void aTaskCancelledAfterItsReadCompletedGetsTheBytesBackInTheBuffer() {
        StreamReader reader = reader();
        List<Object> seen = new ArrayList<>();
        Task<Object> blocked = loop.createTask(script(await(() -> reader.readExactly(4), seen::add)));
        Coroutine<String> main = script(
                await(() -> Asyncio.sleep(0)),
                // the read completes, then the task is cancelled before it resumes
                Script.run(() -> reader.feedData(bytes("abcdef"))),
                Script.run(blocked::cancel),
                await(() -> Asyncio.gather(true, List.of(blocked))),
                returning(() -> null));
        runMain(main);
        assertTrue(blocked.isCancelled());
        assertEquals(List.of(), seen);
        assertEquals("abcdef", text(reader.read(100)));
    }

    @Test
    void bytesPutBackAreSeenByTheReadWaitingSince() {
        StreamReader reader = reader();
        List<Object> seen = new ArrayList<>();
        Task<Object> cancelled = loop.createTask(script(await(() -> reader.readExactly(3), seen::add)));
        Slot<Future<byte[]>> line = new Slot<>();
        runMain(script(
                await(() -> Asyncio.sleep(0)),
                // the read completes with "a\nb"; the task is cancelled before it resumes; meanwhile a line is awaited
                Script.run(() -> reader.feedData(bytes("a\nbcd"))),
                Script.run(cancelled::cancel),
                Script.run(() -> line.set(reader.readLine())),
                await(() -> Asyncio.gather(true, List.of(cancelled)))));
        assertEquals(List.of(), seen);
        assertEquals("a\n", text(line.get()), "the restored newline ends the waiting line");
        assertEquals("bcd", buffered(reader));
    }

    @Test
    void aReadFailedWhileWaitingIsTheStreamsError() {
        StreamReader reader = reader();
        Future<byte[]> read = reader.readExactly(3);
        java.io.IOException reset = new java.net.SocketException("Connection reset");
        reader.setException(reset);
        assertInstanceOf(java.net.SocketException.class, read.exception());
    }
}
