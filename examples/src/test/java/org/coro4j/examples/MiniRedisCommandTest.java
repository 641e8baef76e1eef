package org.coro4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Runs MiniRedis exactly as the README's command says, in a process of its own started from the
 * project's root, on a free port instead of the README's 6379, and talks to it with Jedis.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MiniRedisCommandTest {

    @Test
    void theReadmeCommandServesRedisClients() throws Exception {
        Path root = Paths.get("").toAbsolutePath().getParent();
        List<String> command = readmeCommand(root.resolve("README.md"));
        int port = freePort();
        command.set(0, Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.set(command.size() - 1, Integer.toString(port));

        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = output.readLine();
            assertEquals("MiniRedis ready to accept connections on /127.0.0.1:" + port, first);
            try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(RunningMiniRedis.TIMEOUT_MILLIS).socketTimeoutMillis(RunningMiniRedis.TIMEOUT_MILLIS).build())) {
                assertEquals("PONG", jedis.ping());
                assertEquals("OK", jedis.set("readme", "works"));
                assertEquals("works", jedis.get("readme"));
                assertEquals(1, jedis.incr("readme:count"));
            }
        } finally {
            process.destroy();
            if (!process.waitFor(RunningMiniRedis.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        assertFalse(process.isAlive());
    }

    /** The README's line {@code java -cp ... org.coro4j.examples.MiniRedis 6379}, split into words. */
    private static List<String> readmeCommand(Path readme) throws Exception {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("java -cp ") && line.contains(" org.coro4j.examples.MiniRedis ")) {
                found.add(line.trim());
            }
        }
        assertEquals(1, found.size(), "README.md should show one command starting MiniRedis: " + found);
        List<String> words = new ArrayList<>(Arrays.asList(found.get(0).split(" +")));
        assertEquals("6379", words.get(words.size() - 1), found.get(0));
        return words;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
