package org.coro4j.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CoroutineTransformerTest {

    @Test
    void onlyClassesThatNameTheApiAreParsed() throws Exception {
        assertTrue(CoroutineTransformer.mentionsApi(classFile("/com/example/AgentSample.class")));
        assertTrue(CoroutineTransformer.mentionsApi(classFile("/com/example/MisusedSample.class")));
        assertFalse(CoroutineTransformer.mentionsApi(classFile("/java/lang/String.class")));
        assertFalse(CoroutineTransformer.mentionsApi(classFile("/org/coro4j/agent/CoroutineTransformerTest.class")));
    }

    private static byte[] classFile(String resource) throws Exception {
        try (InputStream in = CoroutineTransformerTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
