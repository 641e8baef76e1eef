package org.coro4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The startup properties {@code coro4j.debug}, {@code coro4j.jmx} and {@code coro4j.jfr}, each in a
 * JVM of its own running {@link StartupProbe}: they are read once, when the runtime's classes are
 * initialised.
 */
class StartupPropertiesTest {
    private static final String TASK_EVENTS = "-XX:StartFlightRecording:+org.coro4j.TaskCreated#enabled=true,"
            + "+org.coro4j.TaskFinished#enabled=true,filename=";
    @TempDir
    Path dir;

    private Process start(List<String> options, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StartupProbe.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    /** The probe's standard output, once it exited with status 0. */
    private List<String> run(List<String> options, String... args) throws Exception {
        Process process = start(options, args);
        List<String> out;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out = reader.lines().collect(Collectors.toList());
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out + "\n" + Files.readString(dir.resolve("stderr.txt")));
        return out;
    }

    /** Whether the JVM that printed {@code out} with {@code -Xlog:class+load} loaded {@code name}. */
    private static boolean loaded(List<String> out, String name) {
        return out.stream().anyMatch(line -> line.contains("[class,load] " + name + " "));
    }

    private static Set<String> tasks(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type))
                .map(e -> e.getString("task") + (type.endsWith("Finished") ? " " + e.getString("outcome") : ""))
                .collect(Collectors.toSet());
    }

    @Test
    void coro4jDebugStartsEveryLoopInDebugMode() throws Exception {
        assertEquals(List.of("debug=true", "worker=42", "done"), run(List.of("-Dcoro4j.debug=true")));
        assertEquals(List.of("debug=false", "worker=42", "done"), run(List.of()));
    }

    @Test
    void byDefaultALoopRunningBeforeThePlatformMBeanServerExistsIsRegisteredOnceItDoes() throws Exception {
        assertEquals(List.of("debug=false", "worker=42", "no server",
                "mbeans=[org.coro4j:type=EventLoop,name=EventLoop-1]", "done"), run(List.of(), "mbeans", "60"));
    }

    @Test
    void coro4jJmxFalseLeavesLoopsWithoutAnMBean() throws Exception {
        List<String> out = run(List.of("-Dcoro4j.jmx=false", "-Xlog:class+load=info"), "mbeans", "0.5");

        assertEquals(List.of("debug=false", "worker=42", "no server", "mbeans=[]", "done"),
                out.stream().filter(line -> !line.contains("[class,load]")).collect(Collectors.toList()));
        assertTrue(loaded(out, "org.coro4j.EventLoop"), "the class log is read");
        assertFalse(loaded(out, "org.coro4j.LoopManagement"));
    }

    @Test
    void aJmxClientAttachingToARunningProgramSeesItsLoop() throws Exception {
        Process process = start(List.of(), "wait");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(List.of("debug=false", "worker=42", "ready"), List.of(reader.readLine(), reader.readLine(), reader.readLine()));
            VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector client = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection connection = client.getMBeanServerConnection();
                ObjectName name = new ObjectName("org.coro4j:type=EventLoop,name=EventLoop-1");
                Set<ObjectName> names = connection.queryNames(new ObjectName("org.coro4j:type=EventLoop,*"), null);
                while (names.isEmpty()) {
                    Thread.sleep(10);
                    names = connection.queryNames(new ObjectName("org.coro4j:type=EventLoop,*"), null);
                }
                EventLoopMXBean loop = JMX.newMXBeanProxy(connection, name, EventLoopMXBean.class);

                assertEquals(Set.of(name), names);
                assertTrue(loop.isRunning());
                assertEquals(1, loop.getPendingTaskCount());
                String dump = loop.dumpTasks();
                assertTrue(dump.startsWith("1 pending task at loop time "), dump);
                assertTrue(dump.contains("at org.coro4j.StartupProbe.probe(StartupProbe.java:"), dump);
            }
            process.getOutputStream().write('\n');
            process.getOutputStream().close();
            assertEquals("done", reader.readLine());
        } finally {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        }
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    void coro4jJfrRecordsTaskEventsWithTheTaskName() throws Exception {
        Path file = dir.resolve("on.jfr");
        run(List.of("-Dcoro4j.jfr=true", TASK_EVENTS + file));
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);

        assertTrue(tasks(events, "org.coro4j.TaskCreated").contains("probe-worker"), events.toString());
        assertTrue(tasks(events, "org.coro4j.TaskFinished").contains("probe-worker result"), events.toString());
    }

    @Test
    void withoutCoro4jJfrARecordingGetsNoEventsAndTheEventClassesAreNotLoaded() throws Exception {
        Path file = dir.resolve("off.jfr");
        List<String> out = run(List.of(TASK_EVENTS + file, "-Xlog:class+load=info"));
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);

        assertTrue(loaded(out, "jdk.jfr.Recording"), "the class log is read");
        assertFalse(loaded(out, "org.coro4j.FlightEvents"));
        assertEquals(Set.of(), events.stream().map(e -> e.getEventType().getName()).filter(n -> n.startsWith("org.coro4j"))
                .collect(Collectors.toSet()));
    }

    @Test
    void coro4jJfrWithoutARecordingBuildsNoEvent() throws Exception {
        List<String> out = run(List.of("-Dcoro4j.jfr=true", "-Xlog:class+load=info"));

        assertTrue(loaded(out, "org.coro4j.FlightEvents"));
        assertFalse(loaded(out, "org.coro4j.FlightEvents$TaskCreated"));
        assertFalse(loaded(out, "org.coro4j.FlightEvents$TaskFinished"));
    }

    @Test
    void onAJdkWithoutFlightRecorderOrJmxEveryPropertyIsHarmless() throws Exception {
        List<String> out = run(List.of("--limit-modules", "java.base", "-Dcoro4j.debug=true", "-Dcoro4j.jfr=true", "-Dcoro4j.jmx=true"));

        assertEquals(List.of("debug=true", "worker=42", "done"), out);
    }
}
