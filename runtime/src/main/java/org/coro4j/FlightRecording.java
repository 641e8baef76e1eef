package org.coro4j;

/**
 * Whether a flight recording runs, so that the runtime's Flight Recorder events cost one static
 * field read when none does. Nothing of {@code jdk.jfr} is loaded unless {@code coro4j.jfr=true} or a
 * loop enters debug mode; then a recorder listener keeps {@link #active} up to date.
 */
final class FlightRecording {
    /** True while a recording is running and events are wanted. */
    static volatile boolean active;
    private static boolean watching;

    private FlightRecording() {
    }

    static {
        if (Diagnostics.JFR) {
            watch();
        }
    }

    /** Starts following recordings; once is enough, later calls do nothing. Without {@code jdk.jfr}, does nothing. */
    static synchronized void watch() {
        if (watching || ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
            return;
        }
        watching = true;
        FlightEvents.follow();
    }
}
