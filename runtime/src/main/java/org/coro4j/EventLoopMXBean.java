package org.coro4j;

/**
 * What JMX clients (jconsole, VisualVM, ...) see of a loop, registered as
 * {@code org.coro4j:type=EventLoop,name=EventLoop-N} from the loop's first run until
 * {@link EventLoop#close()}. A loop registers it when JMX is in use in the JVM already (the platform
 * MBean server exists), in debug mode, or when {@code coro4j.jmx=true}; never when
 * {@code coro4j.jmx=false}. Thread-safe: every method may be called from any thread.
 */
public interface EventLoopMXBean {

    /** The loop's time in seconds. */
    double getTime();

    /** Whether the loop is running. */
    boolean isRunning();

    /** Whether the loop is in debug mode. */
    boolean isDebug();

    /** How many callbacks and task steps are queued to run; read without synchronisation, so approximate while the loop runs. */
    int getReadyCount();

    /** How many tasks are pending. */
    int getPendingTaskCount();

    /** How many timers are scheduled, cancelled ones not yet purged included. */
    int getTimerCount();

    /** {@link EventLoop#dumpTasks()}, taken on the loop's thread if it is running (waiting up to 5 seconds for it). */
    String dumpTasks();
}
