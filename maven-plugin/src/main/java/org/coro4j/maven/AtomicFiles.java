package org.coro4j.maven;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Writes files so that readers see either the old content or the new one, never a partial file:
 * the bytes go to a temporary file next to the target, which is then moved over it. The temporary
 * file is created as any new file is (its permissions are the umask's, as for javac's own output);
 * before the move it is given the permissions of the file the content was made from, so that a
 * rewritten class file is exactly as readable as javac left it, never more and never less.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces (or creates) {@code target} with {@code content}, creating parent directories.
     *
     * @param target the file to write
     * @param content its new bytes
     * @param permissionsFrom the file whose POSIX permissions the target gets (the class file it
     *     was made from: the target itself when it is rewritten in place), or null for those of a
     *     new file; ignored on file systems without POSIX permissions
     */
    static void write(Path target, byte[] content, Path permissionsFrom) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve(".coro4j-" + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            PosixFileAttributeView source = permissionsFrom == null ? null
                    : Files.getFileAttributeView(permissionsFrom, PosixFileAttributeView.class);
            if (source != null) {
                Files.setPosixFilePermissions(temporary, source.readAttributes().permissions());
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
