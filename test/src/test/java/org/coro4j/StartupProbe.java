package org.coro4j;

import static org.coro4j.Asyncio.createTask;
import static org.coro4j.Asyncio.sleep;
import static org.coro4j.Asyncio.toThread;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * A program {@link StartupPropertiesTest} runs in a JVM of its own, as the runtime's startup
 * properties are read once per JVM. It prints whether its loop is in debug mode and the result of a
 * task named "probe-worker"; with {@code mbeans SECONDS}, whether a platform MBean server exists
 * after 0.3 s, then, once this program made it, the loops' MBeans as soon as there are any, or after
 * SECONDS; with
 * {@code wait}, "ready", then it waits for a line on its standard input.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        Asyncio.run(probe(List.of(args)));
        System.out.println("done");
    }

    @Async
    private static Coroutine<Integer> worker() {
        Await.on(sleep(0));
        return Coroutine.of(42);
    }

    @Async
    private static Coroutine<Void> probe(List<String> args) throws Exception {
        System.out.println("debug=" + EventLoop.current().isDebug());
        System.out.println("worker=" + Await.on(createTask(worker(), "probe-worker")));
        if (args.contains("mbeans")) {
            Await.on(sleep(0.3));
            System.out.println(MBeanServerFactory.findMBeanServer(null).isEmpty() ? "no server" : "a server");
            double until = EventLoop.current().time() + Double.parseDouble(args.get(args.indexOf("mbeans") + 1));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName loops = new ObjectName("org.coro4j:type=EventLoop,*");
            Set<ObjectName> names = server.queryNames(loops, null);
            while (names.isEmpty() && EventLoop.current().time() < until) {
                Await.on(sleep(0.01));
                names = server.queryNames(loops, null);
            }
            System.out.println("mbeans=" + names);
        }
        if (args.contains("wait")) {
            System.out.println("ready");
            Await.on(toThread(System.in::read));
        }
        return Coroutine.done();
    }
}
