package org.coro4j.examples;

import java.nio.charset.StandardCharsets;

/**
 * What {@link MiniRedis} does with a command: PING, SET, GET, DEL, INCR, EXISTS and CONFIG GET,
 * with Redis's replies and error messages. Every argument is a byte array ending with the
 * {@code \r\n} that follows it in RESP (its length is {@code array.length - 2}). SET takes no
 * options (EX, NX...): it answers a syntax error to them. CONFIG GET answers an empty array.
 */
final class RedisCommands {
    private static final byte[] PONG = ascii("+PONG\r\n");
    private static final byte[] OK = ascii("+OK\r\n");
    private static final byte[] NIL = ascii("$-1\r\n");
    private static final byte[] EMPTY_ARRAY = ascii("*0\r\n");
    private static final int NAME_PREVIEW = 128;

    private final Keyspace keyspace;

    RedisCommands(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    /** Runs the command {@code args[0..argc)} (argc &ge; 1) and gathers its reply in {@code replies}. */
    void execute(byte[][] args, int argc, ReplyWriter replies) {
        byte[] name = args[0];
        if (is(name, "GET")) {
            if (argc != 2) {
                arity("get", replies);
                return;
            }
            byte[] value = keyspace.get(args[1]);
            if (value == null) {
                replies.constant(NIL);
            } else {
                replies.bulk(value);
            }
        } else if (is(name, "SET")) {
            if (argc < 3) {
                arity("set", replies);
            } else if (argc > 3) {
                replies.error("ERR syntax error");
            } else {
                keyspace.set(args[1], args[2]);
                replies.constant(OK);
            }
        } else if (is(name, "PING")) {
            if (argc == 1) {
                replies.constant(PONG);
            } else if (argc == 2) {
                replies.bulk(args[1]);
            } else {
                arity("ping", replies);
            }
        } else if (is(name, "INCR")) {
            if (argc != 2) {
                arity("incr", replies);
            } else {
                increment(args[1], replies);
            }
        } else if (is(name, "DEL") || is(name, "EXISTS")) {
            boolean delete = is(name, "DEL");
            if (argc < 2) {
                arity(delete ? "del" : "exists", replies);
                return;
            }
            int count = 0;
            for (int i = 1; i < argc; i++) {
                if (delete ? keyspace.delete(args[i]) : keyspace.exists(args[i])) {
                    count++;
                }
            }
            replies.integer(count);
        } else if (is(name, "CONFIG")) {
            if (argc < 2) {
                arity("config", replies);
            } else if (!is(args[1], "GET")) {
                replies.error("ERR unknown subcommand '" + text(args[1], NAME_PREVIEW) + "'. Try CONFIG HELP.");
            } else if (argc < 3) {
                arity("config|get", replies);
            } else {
                replies.constant(EMPTY_ARRAY);
            }
        } else {
            unknown(args, argc, replies);
        }
    }

    /** INCR: the value must be a 64-bit integer as Redis writes them (no sign +, no leading 0, no spaces). */
    private void increment(byte[] key, ReplyWriter replies) {
        byte[] old = keyspace.get(key);
        long value = 0;
        if (old != null) {
            Long parsed = parseLong(old, 0, old.length - 2);
            if (parsed == null) {
                replies.error("ERR value is not an integer or out of range");
                return;
            }
            value = parsed;
        }
        if (value == Long.MAX_VALUE) {
            replies.error("ERR increment or decrement would overflow");
            return;
        }
        value++;
        keyspace.set(key, ascii(value + "\r\n"));
        replies.integer(value);
    }

    /**
     * The integer in {@code bytes[from..to)} by Redis's rules for strings holding integers ("0",
     * or an optional '-' then a digit 1-9 then digits, within the 64-bit range); null otherwise.
     */
    static Long parseLong(byte[] bytes, int from, int to) {
        if (to - from == 1 && bytes[from] == '0') {
            return 0L;
        }
        boolean negative = to > from && bytes[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || bytes[i] < '1' || bytes[i] > '9') {
            return null;
        }
        if (to - i < 19) { // at most 18 digits: no overflow possible
            long value = 0;
            for (; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    return null;
                }
                value = value * 10 + digit;
            }
            return negative ? -value : value;
        }
        long value = 0; // accumulated negatively, so that Long.MIN_VALUE fits
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || value < (Long.MIN_VALUE + digit) / 10) {
                return null;
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return null;
        }
        return negative ? value : -value;
    }

    /** Redis's message: the name and the first arguments, quoted, up to 128 characters of arguments. */
    private static void unknown(byte[][] args, int argc, ReplyWriter replies) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 1; i < argc && quoted.length() < NAME_PREVIEW; i++) {
            quoted.append('\'').append(text(args[i], NAME_PREVIEW - quoted.length())).append("' ");
        }
        replies.error("ERR unknown command '" + text(args[0], NAME_PREVIEW) + "', with args beginning with: " + quoted);
    }

    private static void arity(String command, ReplyWriter replies) {
        replies.error("ERR wrong number of arguments for '" + command + "' command");
    }

    /** Whether the argument is {@code upperName}, ignoring the case of its ASCII letters. */
    private static boolean is(byte[] arg, String upperName) {
        int length = upperName.length();
        if (arg.length - 2 != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((arg[i] & 0xDF) != upperName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code max} bytes of an argument as text. */
    private static String text(byte[] arg, int max) {
        return new String(arg, 0, Math.min(arg.length - 2, max), StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
