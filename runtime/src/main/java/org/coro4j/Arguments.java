package org.coro4j;

/**
 * Checks the arguments the public API takes, with messages that name the call and the cause
 * [Python: the {@code TypeError}/{@code ValueError} asyncio raises for bad arguments].
 */
final class Arguments {
    private Arguments() {
    }

    /** Returns {@code value}; throws {@link IllegalArgumentException} saying {@code what} must not be null. */
    static <V> V notNull(V value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    /**
     * A delay in seconds as the loop uses it: NaN is refused, a negative delay means 0 and
     * {@link Double#POSITIVE_INFINITY} means never [Python: {@code call_later}, {@code sleep}].
     */
    static double delay(double seconds, String call) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException(call + ": the delay is NaN; give a number of seconds"
                    + " (a negative delay means 0, Double.POSITIVE_INFINITY means never)");
        }
        return Math.max(seconds, 0);
    }

    /** A point in loop time: NaN is refused, {@link Double#POSITIVE_INFINITY} means never [Python: {@code call_at}]. */
    static double deadline(double when, String call) {
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException(call + ": the deadline is NaN; give a loop time in seconds"
                    + " (Double.POSITIVE_INFINITY means never)");
        }
        return when;
    }
}
