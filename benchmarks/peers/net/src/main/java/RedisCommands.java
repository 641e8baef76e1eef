import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands of the benchmark peers' mini-redis, the same set and replies as coro4j's
 * {@code org.coro4j.examples.MiniRedis}: PING, SET, GET, DEL, INCR, EXISTS, CONFIG GET (an empty
 * array). Keys are strings (ISO-8859-1, one char per byte), values byte arrays, in one map that
 * every connection shares (thread-safe: the virtual-thread peer runs connections concurrently).
 */
final class RedisCommands {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] PONG = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NIL = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_ARRAY = "*0\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ConcurrentHashMap<String, byte[]> data = new ConcurrentHashMap<>();

    /** Runs the command {@code args[0..argc)} and writes its reply to {@code out}. */
    void execute(byte[][] args, int argc, OutputStream out) throws IOException {
        String name = new String(args[0], StandardCharsets.ISO_8859_1).toUpperCase();
        switch (name) {
            case "PING" -> {
                if (argc == 1) {
                    out.write(PONG);
                } else if (argc == 2) {
                    bulk(args[1], out);
                } else {
                    arity("ping", out);
                }
            }
            case "GET" -> {
                if (argc != 2) {
                    arity("get", out);
                    return;
                }
                byte[] value = data.get(key(args[1]));
                if (value == null) {
                    out.write(NIL);
                } else {
                    bulk(value, out);
                }
            }
            case "SET" -> {
                if (argc < 3) {
                    arity("set", out);
                } else if (argc > 3) {
                    error("ERR syntax error", out);
                } else {
                    data.put(key(args[1]), args[2]);
                    out.write(OK);
                }
            }
            case "DEL", "EXISTS" -> {
                if (argc < 2) {
                    arity(name.toLowerCase(), out);
                    return;
                }
                long count = 0;
                for (int i = 1; i < argc; i++) {
                    boolean found = name.equals("DEL") ? data.remove(key(args[i])) != null : data.containsKey(key(args[i]));
                    count += found ? 1 : 0;
                }
                integer(count, out);
            }
            case "INCR" -> {
                if (argc != 2) {
                    arity("incr", out);
                    return;
                }
                incr(key(args[1]), out);
            }
            case "CONFIG" -> {
                if (argc < 2) {
                    arity("config", out);
                } else if (!new String(args[1], StandardCharsets.ISO_8859_1).equalsIgnoreCase("GET")) {
                    error("ERR unknown subcommand '" + new String(args[1], StandardCharsets.ISO_8859_1) + "'. Try CONFIG HELP.", out);
                } else if (argc < 3) {
                    arity("config|get", out);
                } else {
                    out.write(EMPTY_ARRAY);
                }
            }
            default -> {
                StringBuilder message = new StringBuilder("ERR unknown command '")
                        .append(new String(args[0], StandardCharsets.ISO_8859_1)).append("', with args beginning with: ");
                for (int i = 1; i < argc; i++) {
                    message.append('\'').append(new String(args[i], StandardCharsets.ISO_8859_1)).append("' ");
                }
                error(message.toString(), out);
            }
        }
    }

    private void incr(String key, OutputStream out) throws IOException {
        while (true) {
            byte[] old = data.get(key);
            long value = 0;
            if (old != null) {
                try {
                    String text = new String(old, StandardCharsets.ISO_8859_1);
                    value = Long.parseLong(text);
                    if (!Long.toString(value).equals(text)) {
                        throw new NumberFormatException(text);
                    }
                } catch (NumberFormatException e) {
                    error("ERR value is not an integer or out of range", out);
                    return;
                }
            }
            if (value == Long.MAX_VALUE) {
                error("ERR increment or decrement would overflow", out);
                return;
            }
            byte[] next = Long.toString(value + 1).getBytes(StandardCharsets.US_ASCII);
            if (old == null ? data.putIfAbsent(key, next) == null : data.replace(key, old, next)) {
                integer(value + 1, out);
                return;
            }
        }
    }

    private static String key(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static void bulk(byte[] value, OutputStream out) throws IOException {
        out.write('$');
        out.write(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(value);
        out.write(CRLF);
    }

    private static void integer(long value, OutputStream out) throws IOException {
        out.write(':');
        out.write(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
    }

    private static void arity(String command, OutputStream out) throws IOException {
        error("ERR wrong number of arguments for '" + command + "' command", out);
    }

    static void error(String message, OutputStream out) throws IOException {
        out.write('-');
        out.write(message.getBytes(StandardCharsets.ISO_8859_1));
        out.write(CRLF);
    }
}
