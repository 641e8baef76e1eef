package org.coro4j.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Arrays;
import org.coro4j.instrumenter.Instrumenter;
import org.junit.jupiter.api.Test;

/** The transformer on class files that need nothing or are not valid, with the real instrumenter. */
class CoroutineTransformerTest {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final CoroutineTransformer transformer = new CoroutineTransformer(new Instrumenter(), null,
            new PrintStream(errors, true, StandardCharsets.UTF_8));

    @Test
    void aClassThatNeedsNothingIsLoadedAsItIs() throws Exception {
        assertNull(transform("java/lang/String", classFile("/java/lang/String.class"), new URL("file:/app/classes/")));
        assertNull(transform("org/coro4j/agent/CoroutineTransformerTest",
                classFile("/org/coro4j/agent/CoroutineTransformerTest.class"), new URL("file:/app/classes/")));
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileThatIsNotAClassFileIsNamedByTheDirectoryItWasLoadedFrom() throws Exception {
        assertNull(transform("com/acme/Bad", "not a class".getBytes(StandardCharsets.US_ASCII), new URL("file:/app/classes/")));

        assertEquals(Path.of("/app/classes") + "/com/acme/Bad.class: not a class file: it does not start with 0xCAFEBABE"
                + System.lineSeparator(), errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTruncatedClassFileIsNamedByTheJarItWasLoadedFrom() throws Exception {
        byte[] cut = Arrays.copyOf(classFile("/com/example/AgentSample.class"), 8);

        assertNull(transform("com/example/AgentSample", cut, new URL("file:/app/lib/app.jar")));

        assertEquals(Path.of("/app/lib/app.jar") + "!/com/example/AgentSample.class: not a valid class file: truncated:"
                + " it is 8 bytes long, shorter than the 10-byte header (magic, version, constant pool count)"
                + System.lineSeparator(), errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aClassWithoutACodeSourceIsNamedByItsClassFile() {
        assertEquals("com/acme/Gen.class", CoroutineTransformer.fileName(new ProtectionDomain(null, null), "com/acme/Gen"));
        assertEquals("com/acme/Gen.class", CoroutineTransformer.fileName(null, "com/acme/Gen"));
    }

    private byte[] transform(String className, byte[] classFile, URL location) {
        ProtectionDomain domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null);
        return transformer.transform(getClass().getClassLoader(), className, null, domain, classFile);
    }

    private static byte[] classFile(String resource) throws Exception {
        try (InputStream in = CoroutineTransformerTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
