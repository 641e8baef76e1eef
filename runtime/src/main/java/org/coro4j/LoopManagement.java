package org.coro4j;

import java.lang.management.ManagementFactory;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The {@link EventLoopMXBean} of one loop, registered with the platform MBean server from the loop's
 * first run until it is closed, so that a client sees one MBean for it however often it starts and
 * stops. Making the platform server takes about 0.1 s, so the runtime never makes it: a loop that
 * starts when it exists registers at once (about a microsecond); one that starts before it does waits
 * for it, and a daemon thread looks every {@value #WATCH_MILLIS} ms, while such a loop runs, whether
 * something made it (a JMX client attaching, an agent, the application), then registers them.
 *
 * <p>The MBean holds its loop weakly, as the server keeps every MBean: a loop dropped without being
 * closed is unregistered once it is garbage collected, by a cleaner made with the first registration.
 */
final class LoopManagement implements EventLoopMXBean {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Object LOCK = new Object();
    /** The platform MBean server once it exists; guarded by {@link #LOCK}. */
    private static MBeanServer server;
    /** How often the daemon thread looks for the server while loops wait for it. */
    static final long WATCH_MILLIS = 100;
    /** Whether the daemon thread looking for the server was started; guarded by {@link #LOCK}. */
    private static boolean watching;
    /** Whether getting the server failed, so that no loop has an MBean; guarded by {@link #LOCK}. */
    private static boolean unavailable;
    /** The running loops waiting for the server; guarded by {@link #LOCK}. */
    private static final Set<LoopManagement> WAITING = new HashSet<>();
    /** Unregisters the MBeans of loops collected without being closed; made by the first registration, guarded by {@link #LOCK}. */
    private static Cleaner cleaner;
    private final WeakReference<EventLoop> loop;
    private final ObjectName name;
    /** Whether it is registered now; guarded by {@link #LOCK}. */
    private boolean registered;
    /** Unregisters it when the loop is closed or collected; set by the first registration, guarded by {@link #LOCK}. */
    private Cleaner.Cleanable unregistration;

    private LoopManagement(EventLoop loop, ObjectName name) {
        this.loop = new WeakReference<>(loop);
        this.name = name;
    }

    /** The MBean of {@code loop}, not registered yet, named {@code EventLoop-N}: N counts the loops that ran in this JVM, in the order of their first run. */
    static LoopManagement of(EventLoop loop) {
        try {
            // String.concat, as a first string concatenation by invokedynamic would cost the loop's first run milliseconds
            String number = Integer.toString(COUNTER.incrementAndGet());
            return new LoopManagement(loop, new ObjectName("org.coro4j:type=EventLoop,name=EventLoop-".concat(number)));
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name it is registered under from the loop's first run until it is closed. */
    ObjectName name() {
        return name;
    }

    /** Called on the loop's thread when it starts running: registers now if the server exists, else as soon as it does. */
    void started() {
        synchronized (LOCK) {
            if (unavailable || registered) {
                return;
            }
            if (server == null && platformServerExists()) {
                server = ManagementFactory.getPlatformMBeanServer();
            }
            if (server != null) {
                register();
                return;
            }
            WAITING.add(this);
            LOCK.notifyAll();
            if (!watching) {
                watching = true;
                // A class rather than a lambda, whose first call would cost the loop's first run milliseconds
                Thread watcher = new Thread("coro4j-jmx") {
                    @Override
                    public void run() {
                        watchForServer();
                    }
                };
                watcher.setDaemon(true);
                watcher.start();
            }
        }
    }

    /** Called on the loop's thread when it stops running: it stays registered, but no longer waits for the server. */
    void stopped() {
        synchronized (LOCK) {
            WAITING.remove(this);
        }
    }

    /** Called when the loop is closed: unregisters it. */
    void closed() {
        Cleaner.Cleanable registration;
        synchronized (LOCK) {
            registration = unregistration;
        }
        if (registration != null) {
            registration.clean();
        }
    }

    /** The cleaning action, run once: when the loop is closed or, if it never is, collected; on any thread. */
    private void unregister() {
        synchronized (LOCK) {
            if (!registered) {
                return;
            }
            registered = false;
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                Diagnostics.logger().log(System.Logger.Level.WARNING, "could not unregister the event loop's MBean " + name, e);
            }
        }
    }

    /** Whether an MBean server exists already (the application, an agent or JMX remote made it), so that getting the platform one costs little. */
    private static boolean platformServerExists() {
        try {
            return !MBeanServerFactory.findMBeanServer(null).isEmpty();
        } catch (SecurityException e) {
            return false;
        }
    }

    /** The daemon thread's work: waits for the server while loops wait for it, then registers them. */
    private static void watchForServer() {
        try {
            do {
                synchronized (LOCK) {
                    while (WAITING.isEmpty()) {
                        LOCK.wait();
                    }
                }
                Thread.sleep(WATCH_MILLIS);
            } while (!platformServerExists());
        } catch (InterruptedException e) {
            return;
        }
        MBeanServer found;
        try {
            found = ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | Error e) {
            Diagnostics.logger().log(System.Logger.Level.WARNING, "could not get the platform MBean server; event loops have no MBean", e);
            synchronized (LOCK) {
                unavailable = true;
                WAITING.clear();
            }
            return;
        }
        synchronized (LOCK) {
            server = found;
            for (LoopManagement bean : WAITING) {
                bean.register();
            }
            WAITING.clear();
        }
    }

    /** Registers it, the loop being reachable (it is running); guarded by {@link #LOCK}. */
    private void register() {
        EventLoop running = loop.get();
        try {
            server.registerMBean(new StandardMBean(this, EventLoopMXBean.class, true), name);
            registered = true;
        } catch (JMException | SecurityException e) {
            Diagnostics.logger().log(System.Logger.Level.WARNING, "could not register the event loop's MBean " + name, e);
            return;
        }
        if (cleaner == null) {
            cleaner = Cleaner.create(new DaemonThreads());
        }
        // A class rather than a method reference, whose first use would cost the loop's first run milliseconds
        unregistration = cleaner.register(running, new Runnable() {
            @Override
            public void run() {
                unregister();
            }
        });
    }

    /** The loop, or {@link IllegalStateException} in the moment between its collection and its MBean's unregistration. */
    private EventLoop loop() {
        EventLoop kept = loop.get();
        if (kept == null) {
            throw new IllegalStateException("the event loop " + name.getKeyProperty("name") + " was garbage collected");
        }
        return kept;
    }

    @Override
    public double getTime() {
        return loop().time();
    }

    @Override
    public boolean isRunning() {
        return loop().isRunning();
    }

    @Override
    public boolean isDebug() {
        return loop().isDebug();
    }

    @Override
    public int getReadyCount() {
        return loop().readyCount();
    }

    @Override
    public int getPendingTaskCount() {
        return loop().pendingTaskCount();
    }

    @Override
    public int getTimerCount() {
        return loop().timerCount();
    }

    @Override
    public String dumpTasks() {
        EventLoop loop = loop();
        if (!loop.isRunning() || Thread.currentThread() == loop.thread()) {
            return loop.dumpTasks();
        }
        CompletableFuture<String> dump = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> dump.complete(loop.dumpTasks()));
            return dump.get(5, TimeUnit.SECONDS);
        } catch (AsyncUsageException closed) {
            return "the event loop is closed";
        } catch (TimeoutException e) {
            return loop.isRunning() ? "the event loop did not answer within 5 seconds: a step or callback is blocking it" : loop.dumpTasks();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the event loop";
        } catch (java.util.concurrent.ExecutionException e) {
            return "dumpTasks failed: " + e.getCause();
        }
    }

    /** The cleaner's thread: a daemon, named for what it does. */
    private static final class DaemonThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "coro4j-jmx-cleaner");
            thread.setDaemon(true);
            return thread;
        }
    }
}
