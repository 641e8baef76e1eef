package org.coro4j.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesContentAndLeavesNoTemporaryFileBehind() throws Exception {
        Path target = dir.resolve("a/b/C.class");
        AtomicFiles.write(target, new byte[] {1, 2, 3}, null);
        AtomicFiles.write(target, new byte[] {4}, target);

        assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aRewrittenFileKeepsItsPermissionsNeitherWidenedNorNarrowed() throws Exception {
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "r--r--r--", "rw-rw-rw-"}) {
            Path target = dir.resolve("C.class");
            Files.write(target, new byte[] {1});
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));

            AtomicFiles.write(target, new byte[] {2}, target);

            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
            assertArrayEquals(new byte[] {2}, Files.readAllBytes(target));
            Files.delete(target);
        }
    }

    @Test
    void aNewFileTakesThePermissionsOfTheFileItWasMadeFrom() throws Exception {
        Path host = dir.resolve("Demo.class");
        Files.write(host, new byte[] {1});
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rw-r-----"));

        Path continuation = dir.resolve("Demo$main$Coro0.class");
        AtomicFiles.write(continuation, new byte[] {2}, host);

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(continuation)));
    }
}
