import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The mini-redis of coro4j's examples on virtual threads with blocking sockets, as such servers are
 * written: a {@link ServerSocket} accepting in a loop, one virtual thread per connection reading
 * RESP2 commands from a {@link BufferedInputStream} and writing replies to a
 * {@link BufferedOutputStream}, flushed whenever no more input is already buffered (so a pipeline
 * gets one write per read and a lone command its reply at once). Run it with one carrier thread:
 *
 * <pre>java -Djdk.virtualThreadScheduler.parallelism=1 -cp CLASSES VirtualThreadMiniRedis PORT</pre>
 */
public final class VirtualThreadMiniRedis {
    private VirtualThreadMiniRedis() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        RedisCommands commands = new RedisCommands();
        try (ServerSocket server = new ServerSocket(port, 511, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().name("accept").start(() -> {
                while (true) {
                    try {
                        Socket socket = server.accept();
                        socket.setTcpNoDelay(true);
                        Thread.ofVirtual().start(() -> serve(socket, commands));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.join();
        }
    }

    private static void serve(Socket socket, RedisCommands commands) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            List<byte[]> args = new ArrayList<>();
            byte[][] argv = new byte[4][];
            while (true) {
                args.clear();
                int first = in.read();
                if (first < 0) {
                    return;
                }
                try {
                    if (first == '*') {
                        multibulk(in, args);
                    } else {
                        inline(first, in, args);
                    }
                } catch (ProtocolException e) {
                    RedisCommands.error(e.getMessage(), out);
                    out.flush();
                    return;
                }
                if (!args.isEmpty()) {
                    argv = args.toArray(argv);
                    commands.execute(argv, args.size(), out);
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void multibulk(InputStream in, List<byte[]> args) throws IOException, ProtocolException {
        long count = number(in, "invalid multibulk length");
        if (count > 1024 * 1024) {
            throw new ProtocolException("ERR Protocol error: invalid multibulk length");
        }
        for (long i = 0; i < count; i++) {
            int type = in.read();
            if (type != '$') {
                if (type < 0) {
                    throw new EOFException();
                }
                throw new ProtocolException("ERR Protocol error: expected '$', got '" + (char) type + "'");
            }
            long length = number(in, "invalid bulk length");
            if (length < 0 || length > 512L * 1024 * 1024) {
                throw new ProtocolException("ERR Protocol error: invalid bulk length");
            }
            byte[] arg = in.readNBytes((int) length);
            if (arg.length < length || in.skip(2) < 2) {
                throw new EOFException();
            }
            args.add(arg);
        }
    }

    /** The decimal number up to the end of the line. */
    private static long number(InputStream in, String what) throws IOException, ProtocolException {
        long value = 0;
        boolean negative = false;
        int digits = 0;
        boolean bad = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException();
            }
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                continue;
            }
            if (c == '-' && digits == 0 && !negative) {
                negative = true;
            } else if (c >= '0' && c <= '9' && digits < 18) {
                value = value * 10 + (c - '0');
                digits++;
            } else {
                bad = true;
            }
        }
        if (bad || digits == 0) {
            throw new ProtocolException("ERR Protocol error: " + what);
        }
        return negative ? -value : value;
    }

    /** A line of words separated by spaces, its first byte already read. */
    private static void inline(int first, InputStream in, List<byte[]> args) throws IOException {
        StringBuilder word = new StringBuilder();
        int c = first;
        while (true) {
            if (c < 0) {
                throw new EOFException();
            }
            if (c == ' ' || c == '\n' || c == '\r') {
                if (word.length() > 0) {
                    args.add(word.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    word.setLength(0);
                }
                if (c == '\n') {
                    return;
                }
            } else {
                word.append((char) c);
            }
            c = in.read();
        }
    }

    /** A request that does not follow RESP2: replied with its message, then the connection closes. */
    static final class ProtocolException extends Exception {
        ProtocolException(String message) {
            super(message, null, false, false);
        }
    }
}
