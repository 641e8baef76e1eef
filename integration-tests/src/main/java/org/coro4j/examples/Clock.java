package org.coro4j.examples;

import java.util.Locale;
import org.coro4j.EventLoop;

/** The examples' clock: the running loop's {@code time()}, so that a virtual clock makes them instant. */
final class Clock {

    private Clock() {
    }

    /** Seconds on the running loop's clock. */
    static double now() {
        return EventLoop.current().time();
    }

    /** Formats seconds the way the Python examples do with {@code :.2f}. */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
