package org.coro4j;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.gather;
import static org.coro4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** {@link EventLoopMXBean} read by a JMX client thread while the loop runs on another. */
class LoopManagementTest {
    private final AtomicBoolean stop = new AtomicBoolean();

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

    @Test
    void theMBeanAnswersFromAnotherThreadUnderContention() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName pattern = new ObjectName("org.coro4j:type=EventLoop,*");
        Set<ObjectName> before = new HashSet<>(server.queryNames(pattern, null));
        EventLoop loop = EventLoop.withVirtualClock();
        loop.setDebug(true);
        loop.setSlowCallbackDuration(3600);
        int[] rounds = new int[1];
        Thread runner = new Thread(() -> rounds[0] = loop.runUntilComplete(churn()), "churning loop");
        runner.start();
        Set<ObjectName> added = new HashSet<>();
        while (added.isEmpty()) {
            added.addAll(server.queryNames(pattern, null));
            added.removeAll(before);
            Thread.onSpinWait();
        }
        ObjectName name = added.iterator().next();
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
        assertEquals(true, server.isRegistered(name));
        loop.close();
        assertEquals(false, server.isRegistered(name));
    }
}
