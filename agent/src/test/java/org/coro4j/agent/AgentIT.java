package org.coro4j.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.coro4j.Coroutine;
import com.example.AgentSample;
import org.coro4j.instrumenter.InstrumentedClass;
import org.coro4j.instrumenter.Instrumenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches a JVM with {@code -javaagent} on the packaged agent jar and a program nobody instrumented. */
class AgentIT {

    private static final Path AGENT_JAR = Path.of(System.getProperty("coro4j.agent.jar"));

    @Test
    void theAgentInstrumentsAtLoadTimeAndReportsMisuseLeavingTheClassAsItWas() throws Exception {
        Result result = launch(true);

        assertEquals(0, result.exitCode, result.toString());
        assertEquals(List.of("A Message / Another Message after 1.0 s",
                "MisusedSample left as it was: AsyncUsageException"), result.stdout, result.toString());
        assertEquals(List.of("MisusedSample.java:" + misuseLine() + ": "), problemPlaces(result), result.toString());
    }

    @Test
    void classesTheBuildAlreadyInstrumentedAreLeftAloneByTheAgent(@TempDir Path classes) throws Exception {
        Path compiled = Path.of(location(AgentSample.class));
        InstrumentedClass built = new Instrumenter().instrument(Files.readAllBytes(compiled.resolve("com/example/AgentSample.class")));
        assertTrue(built.changed());
        Map<String, byte[]> written = new HashMap<>(built.classes());
        written.put("com/example/MisusedSample", Files.readAllBytes(compiled.resolve("com/example/MisusedSample.class")));
        for (Map.Entry<String, byte[]> each : written.entrySet()) {
            Path file = classes.resolve(each.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, each.getValue());
        }

        Result result = launch(true, classes.toString());

        assertEquals(0, result.exitCode, result.toString());
        assertEquals(List.of("A Message / Another Message after 1.0 s",
                "MisusedSample left as it was: AsyncUsageException"), result.stdout, result.toString());
        assertEquals(List.of("MisusedSample.java:" + misuseLine() + ": "), problemPlaces(result), result.toString());
    }

    @Test
    void withoutTheAgentTheSameProgramIsRejectedAtRunTime() throws Exception {
        Result result = launch(false);

        assertFalse(result.exitCode == 0, result.toString());
        assertTrue(String.join("\n", result.stderr).contains("AsyncUsageException"), result.toString());
    }

    @Test
    void theJarShadesTheInstrumenterAndAsmButNotTheRuntime() throws Exception {
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            assertEquals(CoroutineAgent.class.getName(), jar.getManifest().getMainAttributes().getValue("Premain-Class"));
            List<String> names = jar.stream().map(entry -> entry.getName()).toList();
            assertTrue(names.contains("org/coro4j/agent/shaded/asm/ClassReader.class"));
            assertTrue(names.contains("org/coro4j/agent/shaded/instrumenter/Instrumenter.class"));
            assertTrue(names.stream().noneMatch(name -> name.startsWith("org/objectweb/")));
            assertTrue(names.stream().noneMatch(name -> name.startsWith("org/coro4j/instrumenter/")));
            assertFalse(names.contains("org/coro4j/Coroutine.class"));
        }
    }

    /** The {@code File.java:line: } start of each line the agent printed on standard error. */
    private static List<String> problemPlaces(Result result) {
        return result.stderr.stream().map(line -> line.substring(0, line.indexOf(": ") + 2)).toList();
    }

    private static int misuseLine() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("coro4j.agent.testSources"), "com/example/MisusedSample.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Await.on(")) {
                return i + 1;
            }
        }
        throw new AssertionError("no Await.on in MisusedSample.java");
    }

    private static Result launch(boolean withAgent) throws Exception {
        return launch(withAgent, location(AgentSample.class));
    }

    private static Result launch(boolean withAgent, String classes) throws Exception {
        String classPath = classes + File.pathSeparator + location(Coroutine.class);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (withAgent) {
            command.add("-javaagent:" + AGENT_JAR);
        }
        command.addAll(List.of("-cp", classPath, AgentSample.class.getName()));
        Path out = Files.createTempFile("agent-it", ".out");
        Path err = Files.createTempFile("agent-it", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the program did not finish within 60 s");
            }
            return new Result(process.exitValue(),
                    Files.readAllLines(out, StandardCharsets.UTF_8), Files.readAllLines(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private record Result(int exitCode, List<String> stdout, List<String> stderr) {
    }
}
