package org.coro4j.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the previous run saw and wrote, kept in a small text file under {@code target/}: for each
 * class file (relative path) its {@link FileStamp} once it was done with. A file whose stamp is
 * unchanged was not recompiled and is skipped without being read.
 *
 * <p>Each line is {@code size modified path}. A missing or unreadable state file means a full run.
 */
final class InstrumentationState {

    private static final String HEADER = "# coro4j instrumentation state: size modified path";

    private final Path file;
    private final Map<String, FileStamp> stamps;

    private InstrumentationState(Path file, Map<String, FileStamp> stamps) {
        this.file = file;
        this.stamps = stamps;
    }

    /** Loads the state kept in {@code file}, or an empty state when there is none yet. */
    static InstrumentationState load(Path file) throws IOException {
        Map<String, FileStamp> stamps = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split(" ", 3);
                if (line.startsWith("#") || fields.length != 3) {
                    continue;
                }
                try {
                    stamps.put(fields[2], new FileStamp(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
                } catch (NumberFormatException e) {
                    return new InstrumentationState(file, new TreeMap<>());
                }
            }
        }
        return new InstrumentationState(file, stamps);
    }

    /** Whether {@code path} was handled before and has the same stamp now. */
    boolean isUnchanged(String path, FileStamp current) {
        return current.equals(stamps.get(path));
    }

    /** Records that {@code path} is done with, as it is now. */
    void record(String path, FileStamp stamp) {
        stamps.put(path, stamp);
    }

    /** Forgets {@code path}, so that it is read again next time. */
    void forget(String path) {
        stamps.remove(path);
    }

    /** Forgets every path not in {@code existing} (class files deleted since). */
    void retainOnly(Set<String> existing) {
        stamps.keySet().retainAll(existing);
    }

    /** Writes the state back to its file, atomically. */
    void save() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        stamps.forEach((path, stamp) -> text.append(stamp.size()).append(' ')
                .append(stamp.modified()).append(' ').append(path).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), null);
    }
}
