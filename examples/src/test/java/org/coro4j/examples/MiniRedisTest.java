package org.coro4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/** MiniRedis driven by Jedis, a Redis client library from Maven Central, and by raw RESP bytes. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MiniRedisTest {
    private static RunningMiniRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = new RunningMiniRedis();
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    @Test
    void singleCommands() {
        try (Jedis jedis = redis.client()) {
            assertEquals("PONG", jedis.ping());
            assertEquals("hello", jedis.ping("hello"));
            assertNull(jedis.get("single:missing"));
            assertEquals("OK", jedis.set("single:a", "1"));
            assertEquals("1", jedis.get("single:a"));
            assertEquals("OK", jedis.set("single:a", "value two"));
            assertEquals("value two", jedis.get("single:a"));
            assertTrue(jedis.exists("single:a"));
            assertEquals(2, jedis.exists("single:a", "single:missing", "single:a"));
            assertEquals(1, jedis.incr("single:counter"));
            assertEquals(2, jedis.incr("single:counter"));
            assertEquals("2", jedis.get("single:counter"));
            jedis.set("single:negative", "-10");
            assertEquals(-9, jedis.incr("single:negative"));
            jedis.set("single:large", "999999999999999999");
            assertEquals(1_000_000_000_000_000_000L, jedis.incr("single:large"));
            assertEquals(1_000_000_000_000_000_001L, jedis.incr("single:large"));
            assertEquals(3, jedis.del("single:a", "single:counter", "single:missing", "single:large"));
            assertEquals(0, jedis.del("single:a"));
            assertFalse(jedis.exists("single:a"));
            assertTrue(jedis.configGet("save").isEmpty());
            assertTrue(jedis.configGet("appendonly").isEmpty());
        }
    }

    @Test
    void errorsAreRedisMessages() {
        try (Jedis jedis = redis.client()) {
            for (String notInteger : List.of("abc", "01", "-0", " 1", "+1", "1.5", "", "9223372036854775808")) {
                jedis.set("errors:value", notInteger);
                JedisDataException e = assertThrows(JedisDataException.class, () -> jedis.incr("errors:value"));
                assertEquals("ERR value is not an integer or out of range", e.getMessage(), notInteger);
            }
            jedis.set("errors:value", Long.toString(Long.MAX_VALUE));
            assertEquals("ERR increment or decrement would overflow",
                    assertThrows(JedisDataException.class, () -> jedis.incr("errors:value")).getMessage());
            jedis.set("errors:value", Long.toString(Long.MIN_VALUE));
            assertEquals(Long.MIN_VALUE + 1, jedis.incr("errors:value"));

            assertEquals("ERR unknown command 'FOO', with args beginning with: 'a' 'b c' ",
                    assertThrows(JedisDataException.class, () -> jedis.sendCommand(command("FOO"), "a", "b c")).getMessage());
            assertEquals("ERR unknown command 'nothing', with args beginning with: ",
                    assertThrows(JedisDataException.class, () -> jedis.sendCommand(command("nothing"))).getMessage());
            assertEquals("ERR wrong number of arguments for 'get' command",
                    assertThrows(JedisDataException.class, () -> jedis.sendCommand(Protocol.Command.GET)).getMessage());
            assertEquals("ERR wrong number of arguments for 'ping' command",
                    assertThrows(JedisDataException.class, () -> jedis.sendCommand(Protocol.Command.PING, "a", "b")).getMessage());
            assertEquals("ERR syntax error",
                    assertThrows(JedisDataException.class, () -> jedis.sendCommand(Protocol.Command.SET, "k", "v", "NX")).getMessage());
            assertEquals("ERR unknown subcommand 'nope'. Try CONFIG HELP.",
                    assertThrows(JedisDataException.class, () -> jedis.sendCommand(Protocol.Command.CONFIG, "nope")).getMessage());
            assertEquals("ERR wrong number of arguments for 'config|get' command",
                    assertThrows(JedisDataException.class, () -> jedis.sendCommand(Protocol.Command.CONFIG, "GET")).getMessage());
            assertEquals("PONG", jedis.ping(), "the connection is still usable after errors");
        }
    }

    @Test
    void commandNamesIgnoreCase() {
        try (Jedis jedis = redis.client()) {
            assertEquals("OK", SafeEncoder.encode((byte[]) jedis.sendCommand(command("sEt"), "case:k", "v")));
            assertEquals("v", SafeEncoder.encode((byte[]) jedis.sendCommand(command("get"), "case:k")));
        }
    }

    @Test
    void pipelineOf10000Commands() {
        try (Jedis jedis = redis.client()) {
            Pipeline pipeline = jedis.pipelined();
            List<Response<String>> sets = new ArrayList<>();
            List<Response<String>> gets = new ArrayList<>();
            List<Response<Long>> increments = new ArrayList<>();
            List<Response<Boolean>> exists = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                sets.add(pipeline.set("pipeline:" + i, "value " + i));
                gets.add(pipeline.get("pipeline:" + i));
                increments.add(pipeline.incr("pipeline:counter"));
                exists.add(pipeline.exists("pipeline:" + (i + 1)));
            }
            pipeline.sync();
            for (int i = 0; i < 2_500; i++) {
                assertEquals("OK", sets.get(i).get());
                assertEquals("value " + i, gets.get(i).get());
                assertEquals(i + 1, increments.get(i).get());
                assertFalse(exists.get(i).get(), "pipeline:" + (i + 1) + " is set by a later command");
            }
            assertEquals("2500", jedis.get("pipeline:counter"));
        }
    }

    @Test
    void twoHundredConcurrentClients() throws Exception {
        int clients = 200;
        int rounds = 25;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch connected = new CountDownLatch(clients);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String key = "clients:" + c;
                done.add(threads.submit(() -> {
                    try (Jedis jedis = redis.client()) {
                        assertEquals("PONG", jedis.ping());
                        connected.countDown();
                        connected.await(); // all 200 connections open at once from here
                        for (int r = 0; r < rounds; r++) {
                            jedis.incr("clients:counter");
                            jedis.set(key, key + " " + r);
                            assertEquals(key + " " + r, jedis.get(key));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(RunningMiniRedis.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(RunningMiniRedis.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        }
        try (Jedis jedis = redis.client()) {
            assertEquals(Integer.toString(clients * rounds), jedis.get("clients:counter"));
        }
    }

    @Test
    void oneMegabyteValue() {
        byte[] value = new byte[1024 * 1024];
        new Random(11).nextBytes(value); // every byte value, \r and \n included
        byte[] key = "big:value".getBytes(StandardCharsets.US_ASCII);
        try (Jedis jedis = redis.client()) {
            assertEquals("OK", jedis.set(key, value));
            assertArrayEquals(value, jedis.get(key));
            Pipeline pipeline = jedis.pipelined();
            Response<byte[]> first = pipeline.get(key);
            Response<Long> incr = pipeline.incr("big:counter");
            Response<byte[]> second = pipeline.get(key);
            pipeline.sync();
            assertArrayEquals(value, first.get());
            assertEquals(1, incr.get());
            assertArrayEquals(value, second.get());
        }
    }

    @Test
    void largeRepliesToAClientThatReadsOnlyAfterSendingEverything() {
        byte[] value = new byte[1024 * 1024];
        new Random(12).nextBytes(value);
        byte[] key = "big:many".getBytes(StandardCharsets.US_ASCII);
        try (Jedis jedis = redis.client()) {
            jedis.set(key, value);
            Pipeline pipeline = jedis.pipelined(); // sends all 32 commands before it reads a reply
            List<Response<byte[]>> replies = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                replies.add(pipeline.get(key));
            }
            Response<Long> last = pipeline.incr("big:many:after");
            pipeline.sync();
            for (Response<byte[]> reply : replies) {
                assertArrayEquals(value, reply.get());
            }
            assertEquals(1, last.get());
        }
    }

    @Test
    void inlineAndArrayPing() throws Exception {
        try (RawClient client = new RawClient(redis.port())) {
            client.send("PING\r\n");
            client.expect("+PONG\r\n");
            client.send("PING hello\r\n");
            client.expect("$5\r\nhello\r\n");
            client.send("*1\r\n$4\r\nPING\r\n");
            client.expect("+PONG\r\n");
            client.send("*2\r\n$4\r\nping\r\n$2\r\nhi\r\n");
            client.expect("$2\r\nhi\r\n");
            client.send("ping\n  ping   x \r\n\r\n*0\r\n*-1\r\nPING\r\n"); // lone \n, spaces, empty commands
            client.expect("+PONG\r\n$1\r\nx\r\n+PONG\r\n");
        }
    }

    @Test
    void inlineQuotes() throws Exception {
        try (RawClient client = new RawClient(redis.port())) {
            client.send("SET \"inline:a b\" 'it\\'s \"x\"'\r\nGET \"inline:a b\"\r\n");
            client.expect("+OK\r\n$8\r\nit's \"x\"\r\n");
            client.send("PING \"\\x41\\n\\t\\\\\"\r\n");
            client.expect("$4\r\nA\n\t\\\r\n");
            client.send("GET \"unbalanced\r\n");
            client.expectEnd("-ERR Protocol error: unbalanced quotes in request\r\n");
        }
    }

    @Test
    void commandsSplitAcrossReads() throws Exception {
        try (RawClient client = new RawClient(redis.port())) {
            String command = "*3\r\n$3\r\nSET\r\n$5\r\nsplit\r\n$11\r\nhello world\r\n";
            for (int i = 0; i < command.length(); i++) {
                client.send(command.substring(i, i + 1));
                Thread.sleep(2); // separate segments, so that the server reads them one by one
            }
            client.expect("+OK\r\n");
            client.send("*2\r\n$3\r\nGET\r\n$5\r\nsp");
            Thread.sleep(50);
            client.send("lit\r\n");
            client.expect("$11\r\nhello world\r\n");
        }
    }

    @Test
    void aReplyIsNotHeldUntilMoreInputArrives() throws Exception {
        try (RawClient client = new RawClient(redis.port())) {
            client.send("PING\r\n*1\r\n$4\r\nPI"); // a whole command and half of the next
            client.expect("+PONG\r\n");
            assertFalse(client.anyByteWithin(200), "a reply to half a command");
            client.send("NG\r\n");
            client.expect("+PONG\r\n");
        }
    }

    @Test
    void pipelinedRepliesComeInOrder() throws Exception {
        try (RawClient client = new RawClient(redis.port())) {
            StringBuilder commands = new StringBuilder();
            StringBuilder replies = new StringBuilder();
            for (int i = 0; i < 1_000; i++) {
                commands.append("*2\r\n$4\r\nINCR\r\n$11\r\norder:count\r\nPING\r\n");
                replies.append(':').append(i + 1).append("\r\n+PONG\r\n");
            }
            client.send(commands.toString());
            client.expect(replies.toString());
        }
    }

    @Test
    void protocolErrorsCloseTheConnection() throws Exception {
        for (String[] exchange : new String[][] {
            {"*1\r\nx\r\n", "-ERR Protocol error: expected '$', got 'x'\r\n"},
            {"*2\r\n$3\r\nGET\r\n$x\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
            {"*1\r\n$-1\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
            {"*abc\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
            {"PING\r\n*1\r\n$4\r\nPING\r\n*1\r\n:1\r\n", "+PONG\r\n+PONG\r\n-ERR Protocol error: expected '$', got ':'\r\n"},
        }) {
            try (RawClient client = new RawClient(redis.port())) {
                client.send(exchange[0]);
                client.expectEnd(exchange[1]);
            }
        }
    }

    @Test
    void aClientClosingMidCommandLeavesTheServerServing() throws Exception {
        try (RawClient client = new RawClient(redis.port())) {
            client.send("*2\r\n$3\r\nGET\r\n$10\r\nabc");
        }
        try (Jedis jedis = redis.client()) {
            assertEquals("PONG", jedis.ping());
        }
    }

    private static ProtocolCommand command(String name) {
        byte[] raw = SafeEncoder.encode(name);
        return () -> raw;
    }
}
