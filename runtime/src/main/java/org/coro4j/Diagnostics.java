package org.coro4j;

/**
 * The switches of the runtime's diagnostics, read once from system properties: {@code coro4j.debug}
 * (every loop starts in debug mode), {@code coro4j.jfr} (Flight Recorder events) and
 * {@code coro4j.jmx} (an MBean per running loop unless {@code false}).
 */
final class Diagnostics {
    /** Whether loops start in debug mode [Python: {@code PYTHONASYNCIODEBUG}]. */
    static final boolean DEBUG = Boolean.getBoolean("coro4j.debug");
    /** Whether Flight Recorder events are emitted while a recording runs, debug mode or not. */
    static final boolean JFR = Boolean.getBoolean("coro4j.jfr");
    /**
     * Whether a running loop has an MBean: unless {@code coro4j.jmx=false}, or the JDK has no
     * {@code java.management} module (a jlink image without it).
     */
    static final boolean JMX = !"false".equalsIgnoreCase(System.getProperty("coro4j.jmx"))
            && ModuleLayer.boot().findModule("java.management").isPresent();
    /** The logger everything the runtime reports goes through. */
    static final String LOGGER = "org.coro4j";

    private Diagnostics() {
    }

    static System.Logger logger() {
        return System.getLogger(LOGGER);
    }
}
