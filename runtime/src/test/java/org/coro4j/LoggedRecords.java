package org.coro4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the runtime logs through {@code System.Logger} {@code org.coro4j} (backed by
 * java.util.logging) from any thread, from creation until {@link #close()}.
 */
final class LoggedRecords implements AutoCloseable {
    private final Logger logger = Logger.getLogger("org.coro4j");
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LoggedRecords() {
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
    }

    /** Starts capturing. */
    static LoggedRecords start() {
        return new LoggedRecords();
    }

    /** Runs {@code action} and returns the messages logged meanwhile. */
    static List<String> capture(Runnable action) {
        try (LoggedRecords logged = start()) {
            action.run();
            return logged.messages();
        }
    }

    /** The records so far. */
    List<LogRecord> records() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    /** The messages so far. */
    List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records()) {
            messages.add(record.getMessage());
        }
        return messages;
    }

    @Override
    public void close() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }
}
