package org.coro4j;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/** The {@link EventLoopMXBean} of one loop, and its registration with the platform MBean server. */
final class LoopManagement implements EventLoopMXBean {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final EventLoop loop;
    private final ObjectName name;

    private LoopManagement(EventLoop loop, ObjectName name) {
        this.loop = loop;
        this.name = name;
    }

    /** Registers an MBean for {@code loop} if JMX is wanted (see {@link EventLoopMXBean}); returns it, or null. */
    static LoopManagement register(EventLoop loop) {
        if ("false".equals(Diagnostics.JMX)
                || !("true".equals(Diagnostics.JMX) || loop.isDebug() || !MBeanServerFactory.findMBeanServer(null).isEmpty())) {
            return null;
        }
        try {
            ObjectName name = new ObjectName("org.coro4j:type=EventLoop,name=EventLoop-" + COUNTER.incrementAndGet());
            LoopManagement bean = new LoopManagement(loop, name);
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, name);
            return bean;
        } catch (JMException | SecurityException e) {
            Diagnostics.logger().log(System.Logger.Level.WARNING, "could not register the event loop's MBean", e);
            return null;
        }
    }

    /** The name it is registered under. */
    ObjectName name() {
        return name;
    }

    void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            Diagnostics.logger().log(System.Logger.Level.WARNING, "could not unregister the event loop's MBean " + name, e);
        }
    }

    @Override
    public double getTime() {
        return loop.time();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public boolean isDebug() {
        return loop.isDebug();
    }

    @Override
    public int getReadyCount() {
        return loop.readyCount();
    }

    @Override
    public int getPendingTaskCount() {
        return loop.pendingTaskCount();
    }

    @Override
    public int getTimerCount() {
        return loop.timerCount();
    }

    @Override
    public String dumpTasks() {
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
}
