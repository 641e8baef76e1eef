package org.coro4j;

/**
 * What JMX clients (jconsole, VisualVM, ...) see of a loop, registered with the platform MBean
 * server as {@code org.coro4j:type=EventLoop,name=EventLoop-N} from the loop's first run until it is
 * closed, or garbage collected if it never is (the MBean holds its loop weakly). N numbers the loops
 * of the JVM in the order they first ran, so the name is unique. A client that attaches at any time
 * sees the loops: the runtime does not make the platform MBean server (that takes about 0.1 s), but
 * once something does (the JMX agent a client's attach starts, {@code -Dcom.sun.management.jmxremote},
 * the application), the loops running then are registered within 0.1 s, and the others at their
 * next run. {@code -Dcoro4j.jmx=false} turns this off: then no loop has an MBean and nothing of
 * {@code java.management} is loaded for it. Thread-safe: every method may be called from any
 * thread; in the moment between a loop's collection and its MBean's unregistration, each throws
 * {@link IllegalStateException}.
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
