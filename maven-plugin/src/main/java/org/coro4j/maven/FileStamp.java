package org.coro4j.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Size and modification time of a file: when both are as recorded, the file has not been
 * rewritten since (javac always rewrites the class files of a source it recompiles).
 *
 * @param size the size in bytes
 * @param modified the last modification time in milliseconds since the epoch
 */
record FileStamp(long size, long modified) {

    /** Reads the stamp of an existing file. */
    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
    }
}
