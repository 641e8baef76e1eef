package org.coro4j.examples;

import java.io.IOException;
import java.util.Arrays;
import org.coro4j.Async;
import org.coro4j.Await;
import org.coro4j.Coroutine;
import org.coro4j.Future;
import org.coro4j.IncompleteReadException;
import org.coro4j.LimitOverrunException;
import org.coro4j.StreamReader;
import org.coro4j.StreamWriter;

/**
 * One client of a {@link MiniRedis}: reads RESP2 commands (arrays of bulk strings, or inline
 * commands: a line of words) straight from the {@link StreamReader}, one line or one bulk string
 * per read, and runs them. Replies are gathered while the next read is already satisfied by what
 * was received (a pipeline) and written as soon as a read would wait, so a reply never waits for
 * more input; past {@link #HIGH_WATER} gathered bytes they are written at once. Once that much has
 * been written since the last drain, the writer is drained (done at once unless it is above its
 * high-water mark, because the client is slow to read), so a client that sends without reading
 * holds up its own connection instead of filling the server's memory.
 */
final class RedisConnection {
    /** Gathered replies past this many bytes are written without waiting for the end of the input; written bytes past it mean a drain. */
    static final int HIGH_WATER = 64 * 1024;
    /** Redis's proto-max-bulk-len: 512 MB. */
    private static final long MAX_BULK = 512L * 1024 * 1024;
    private static final long MAX_ARGUMENTS = 1024 * 1024;

    private final StreamReader reader;
    private final StreamWriter writer;
    private final RedisCommands commands;
    private final ReplyWriter replies;
    private byte[][] args = new byte[4][];

    RedisConnection(StreamReader reader, StreamWriter writer, RedisCommands commands) {
        this.reader = reader;
        this.writer = writer;
        this.commands = commands;
        this.replies = new ReplyWriter(writer);
    }

    /** Serves the client until it closes the connection or breaks the protocol, then closes it. */
    @Async
    Coroutine<Void> serve() {
        try {
            while (true) {
                byte[] line = Await.on(beforeWaiting(reader.readLine()));
                if (!complete(line)) {
                    break;
                }
                int argc = 0;
                if (line[0] == '*') {
                    long count = number(line, "invalid multibulk length");
                    if (count > MAX_ARGUMENTS) {
                        throw new ProtocolError("invalid multibulk length");
                    }
                    if (count > args.length) {
                        args = new byte[(int) count][];
                    }
                    for (; argc < count; argc++) {
                        byte[] header = Await.on(beforeWaiting(reader.readLine()));
                        if (!complete(header)) {
                            return closed();
                        }
                        if (header[0] != '$') {
                            throw new ProtocolError("expected '$', got '" + (char) header[0] + "'");
                        }
                        long length = number(header, "invalid bulk length");
                        if (length < 0 || length > MAX_BULK) {
                            throw new ProtocolError("invalid bulk length");
                        }
                        // The bulk string and the \r\n after it, which Redis skips without looking.
                        args[argc] = Await.on(beforeWaiting(reader.readExactly((int) length + 2)));
                    }
                } else {
                    argc = splitInline(line);
                }
                if (argc > 0) {
                    commands.execute(args, argc, replies);
                    if (replies.pending() >= HIGH_WATER) {
                        replies.flush();
                    }
                    if (replies.writtenSinceDrain() >= HIGH_WATER) {
                        // the writer may be above its high-water mark only now: wait if it is
                        replies.drained();
                        Await.on(writer.drain());
                    }
                }
            }
        } catch (ProtocolError e) {
            replies.error("ERR Protocol error: " + e.getMessage());
        } catch (LimitOverrunException e) {
            replies.error("ERR Protocol error: too big inline request");
        } catch (IncompleteReadException e) {
            // the client closed the connection in the middle of a command
        } catch (Exception e) {
            if (!(e instanceof IOException)) {
                throw e;
            }
            writer.close(); // the connection was lost (reset): nothing can be sent any more
            return Coroutine.done();
        }
        return closed();
    }

    /** Writes what is gathered and closes the connection. */
    private Coroutine<Void> closed() {
        replies.flush();
        writer.close();
        return Coroutine.done();
    }

    /** Writes the gathered replies if {@code read} has to wait for input, so no reply waits for it. */
    private <T> Future<T> beforeWaiting(Future<T> read) {
        if (!read.isDone()) {
            replies.flush();
        }
        return read;
    }

    /** Whether a line read is a whole line (not what was left at the end of the input). */
    private static boolean complete(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\n';
    }

    /** The integer after the type byte of {@code *N\r\n} or {@code $N\r\n}. */
    private static long number(byte[] line, String error) throws ProtocolError {
        Long value = RedisCommands.parseLong(line, 1, lineEnd(line));
        if (value == null) {
            throw new ProtocolError(error);
        }
        return value;
    }

    /** The index of the line's {@code \r\n} (or lone {@code \n}). */
    private static int lineEnd(byte[] line) {
        int end = line.length - 1;
        return end > 0 && line[end - 1] == '\r' ? end - 1 : end;
    }

    /**
     * Splits an inline command into {@link #args}, as Redis does: words separated by spaces or
     * tabs; "double quoted" words with the escapes \n \r \t \b \a \\ \" and \xHH; 'single quoted'
     * words with \'. Each argument gets a {@code \r\n} appended, like a bulk string's.
     */
    private int splitInline(byte[] line) throws ProtocolError {
        int end = lineEnd(line);
        int argc = 0;
        int i = 0;
        byte[] word = new byte[end + 2];
        while (true) {
            while (i < end && (line[i] == ' ' || line[i] == '\t')) {
                i++;
            }
            if (i == end) {
                return argc;
            }
            int length = 0;
            byte quote = line[i] == '"' || line[i] == '\'' ? line[i++] : 0;
            while (true) {
                if (i == end) {
                    if (quote != 0) {
                        throw new ProtocolError("unbalanced quotes in request");
                    }
                    break;
                }
                byte c = line[i++];
                if (quote == 0 && (c == ' ' || c == '\t')) {
                    break;
                }
                if (c == quote) {
                    if (i < end && line[i] != ' ' && line[i] != '\t') {
                        throw new ProtocolError("unbalanced quotes in request");
                    }
                    break;
                }
                if (c == '\\' && i < end && quote == '"') {
                    c = line[i++];
                    if (c == 'x' && i + 1 < end && hex(line[i]) >= 0 && hex(line[i + 1]) >= 0) {
                        c = (byte) (hex(line[i]) * 16 + hex(line[i + 1]));
                        i += 2;
                    } else {
                        int escaped = "nrtba".indexOf(c);
                        c = escaped >= 0 ? (byte) "\n\r\t\b\007".charAt(escaped) : c;
                    }
                } else if (c == '\\' && i < end && quote == '\'' && line[i] == '\'') {
                    c = line[i++];
                }
                word[length++] = c;
            }
            word[length++] = '\r';
            word[length++] = '\n';
            if (argc == args.length) {
                args = Arrays.copyOf(args, argc * 2);
            }
            args[argc++] = Arrays.copyOf(word, length);
        }
    }

    private static int hex(byte c) {
        return Character.digit(c, 16);
    }

    /** A request that breaks RESP2: answered with Redis's message, then the connection closes. */
    static final class ProtocolError extends Exception {
        ProtocolError(String message) {
            super(message, null, false, false);
        }
    }
}
