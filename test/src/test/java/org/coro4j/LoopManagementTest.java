package org.coro4j;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.gather;
import static org.coro4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link EventLoopMXBean}: one per loop from its first run until it is closed, read in-process and by a JMX client. */
class LoopManagementTest {
    private static final ObjectName LOOPS = name("org.coro4j:type=EventLoop,*");
    /** Made before any loop runs here, so that a loop registers as it starts. */
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final AtomicBoolean stop = new AtomicBoolean();

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @AfterEach
    void noLoopIsLeftRegistered() {
        assertEquals(Set.of(), server.queryNames(name("org.coro4j:*"), null));
    }

    @Async
    private static Coroutine<Void> yielder() {
        for (int i = 0; i < 3; i++) {
            Await.on(sleep(0));
        }
        return Coroutine.done();
    }

    @Async
    private Coroutine<Integer> churn() {
        int rounds = 0;
        while (!stop.get()) {
            List<Object> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(createTask(yielder()));
            }
            Await.on(gather(tasks));
            rounds++;
        }
        return Coroutine.of(rounds);
    }

    /** Waits on the wall clock until {@link #stop} is set. */
    @Async
    private Coroutine<Void> idle() {
        while (!stop.get()) {
            Await.on(sleep(0.001));
        }
        return Coroutine.done();
    }

    @Async
    private static Coroutine<Void> sleeper() {
        Await.on(sleep(1.0));
        return Coroutine.done();
    }

    @Async
    private Coroutine<List<Object>> probe() throws Exception {
        Await.on(sleep(0));
        ObjectName name = EventLoop.current().management().name();
        return Coroutine.of(List.of(server.isRegistered(name), server.getAttribute(name, "PendingTaskCount"),
                server.getAttribute(name, "TimerCount"), server.getAttribute(name, "ReadyCount"),
                server.getAttribute(name, "Running"), server.getAttribute(name, "Debug"),
                server.invoke(name, "dumpTasks", new Object[0], new String[0])));
    }

    /** The names of the loops registered now that were not in {@code before}, waiting until there are {@code count}. */
    private Set<ObjectName> waitForLoops(MBeanServerConnection connection, Set<ObjectName> before, int count) throws IOException {
        Set<ObjectName> added = new HashSet<>();
        while (added.size() < count) {
            added.addAll(connection.queryNames(LOOPS, null));
            added.removeAll(before);
            Thread.onSpinWait();
        }
        return added;
    }

    @Test
    void aLoopIsRegisteredUnderOneNameFromItsFirstRunUntilItIsClosed() throws Exception {
        ObjectName name;
        try (EventLoop loop = EventLoop.withVirtualClock()) {
            Task<List<Object>> main = loop.createTask(probe(), "probe");
            loop.createTask(sleeper(), "sleeper");

            List<Object> seen = loop.runUntilComplete(main);
            name = loop.management().name();

            assertEquals("org.coro4j:type=EventLoop,name=" + name.getKeyProperty("name"), name.toString());
            assertTrue(name.getKeyProperty("name").matches("EventLoop-\\d+"), name.toString());
            assertEquals(List.of(true, 2, 1, 0, true, false), seen.subList(0, 6));
            String dump = (String) seen.get(6);
            assertTrue(dump.startsWith("2 pending tasks at loop time 0.0:\n* Task \"probe\", running\n"), dump);
            assertTrue(dump.contains("* Task \"sleeper\", suspended on"), dump);
            assertTrue(server.isRegistered(name));
            assertEquals(false, server.getAttribute(name, "Running"));
            assertEquals(1, server.getAttribute(name, "PendingTaskCount"));

            assertEquals(List.of(true, 2, 1), loop.runUntilComplete(loop.createTask(probe())).subList(0, 3));
            assertEquals(name, loop.management().name());
            assertTrue(server.isRegistered(name));
            loop.runUntilComplete(loop.createTask(sleeper()));
            assertEquals(0, server.getAttribute(name, "PendingTaskCount"));
        }
        assertFalse(server.isRegistered(name));
    }

    /** Runs a loop that is never closed and returns its MBean's name, leaving nothing that keeps the loop. */
    private ObjectName nameOfALoopRunAndDropped() {
        EventLoop loop = EventLoop.withVirtualClock();
        loop.runUntilComplete(loop.createTask(yielder()));
        return loop.management().name();
    }

    @Test
    void aLoopDroppedWithoutBeingClosedIsUnregisteredOnceItIsCollected() throws Exception {
        ObjectName name = nameOfALoopRunAndDropped();
        assertTrue(server.isRegistered(name));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (server.isRegistered(name) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertFalse(server.isRegistered(name));
    }

    @Test
    void twoLoopsOnTwoThreadsHaveTwoMBeans() throws Exception {
        Set<ObjectName> before = server.queryNames(LOOPS, null);
        EventLoop first = EventLoop.create();
        EventLoop second = EventLoop.create();
        Thread one = new Thread(() -> first.runUntilComplete(idle()), "first loop");
        Thread two = new Thread(() -> second.runUntilComplete(idle()), "second loop");
        one.start();
        two.start();
        Set<ObjectName> names = waitForLoops(server, before, 2);

        assertEquals(Set.of(first.management().name(), second.management().name()), names);
        assertNotEquals(first.management().name(), second.management().name());
        for (ObjectName name : names) {
            assertEquals(true, server.getAttribute(name, "Running"));
        }
        stop.set(true);
        one.join();
        two.join();
        for (ObjectName name : names) {
            assertEquals(false, server.getAttribute(name, "Running"));
        }
        first.close();
        second.close();
        assertEquals(before, server.queryNames(LOOPS, null));
    }

    @Test
    void theMBeanAnswersFromAnotherThreadUnderContention() throws Exception {
        Set<ObjectName> before = server.queryNames(LOOPS, null);
        EventLoop loop = EventLoop.withVirtualClock();
        loop.setDebug(true);
        loop.setSlowCallbackDuration(3600);
        int[] rounds = new int[1];
        Thread runner = new Thread(() -> rounds[0] = loop.runUntilComplete(churn()), "churning loop");
        runner.start();
        ObjectName name = waitForLoops(server, before, 1).iterator().next();
        for (int i = 0; i < 200; i++) {
            int pending = (Integer) server.getAttribute(name, "PendingTaskCount");
            int ready = (Integer) server.getAttribute(name, "ReadyCount");
            assertTrue(pending >= 0 && pending <= 11 && ready >= 0, pending + " " + ready);
            String dump = (String) server.invoke(name, "dumpTasks", new Object[0], new String[0]);
            assertTrue(dump.matches("(?s)\\d+ pending tasks? at loop time 0\\.0(:\\n\\* Task \"Task-\\d+\", .*|\\n)"), dump);
        }
        stop.set(true);
        runner.join();
        assertTrue(rounds[0] > 0);
        assertEquals(false, server.getAttribute(name, "Running"));
        loop.close();
        assertFalse(server.isRegistered(name));
    }

    /** A JMX connector server on the loopback address only. */
    private static final class LoopbackSockets implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 0, InetAddress.getLoopbackAddress());
        }
    }

    @Test
    void aJmxClientConnectedOverLoopbackSeesTheRunningLoop() throws Exception {
        JMXServiceURL url = new JMXServiceURL("rmi", InetAddress.getLoopbackAddress().getHostAddress(), 0);
        Map<String, Object> environment = Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, new LoopbackSockets());
        JMXConnectorServer connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(url, environment, server);
        connectorServer.start();
        EventLoop loop = EventLoop.create();
        Thread runner = new Thread(() -> loop.runUntilComplete(loop.createTask(idle(), "idler")), "idling loop");
        try (JMXConnector client = JMXConnectorFactory.connect(connectorServer.getAddress())) {
            MBeanServerConnection connection = client.getMBeanServerConnection();
            Set<ObjectName> before = connection.queryNames(LOOPS, null);
            runner.start();
            ObjectName name = waitForLoops(connection, before, 1).iterator().next();
            EventLoopMXBean bean = JMX.newMXBeanProxy(connection, name, EventLoopMXBean.class);

            assertEquals(loop.management().name(), name);
            assertTrue(bean.isRunning());
            assertEquals(1, bean.getPendingTaskCount());
            assertTrue(bean.dumpTasks().startsWith("1 pending task at loop time "), bean.dumpTasks());
            assertTrue(bean.dumpTasks().contains("* Task \"idler\", suspended on"), bean.dumpTasks());
            stop.set(true);
            runner.join();
            assertFalse(bean.isRunning());
            loop.close();
            assertEquals(before, connection.queryNames(LOOPS, null));
        } finally {
            connectorServer.stop();
            loop.close();
        }
    }
}
