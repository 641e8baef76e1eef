package org.coro4j;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A transport that records pause and resume calls and what is written, for tests without sockets. */
final class RecordingTransport implements ByteTransport {
    final List<String> calls = new ArrayList<>();
    final StringBuilder written = new StringBuilder();
    boolean closing;

    @Override
    public void write(ByteBuffer data) {
        while (data.hasRemaining()) {
            written.append((char) data.get());
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void writeEof() {
        calls.add("writeEof");
    }

    @Override
    public void close() {
        calls.add("close");
        closing = true;
    }

    @Override
    public void abort() {
        calls.add("abort");
        closing = true;
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void pauseReading() {
        calls.add("pause");
    }

    @Override
    public void resumeReading() {
        calls.add("resume");
    }

    @Override
    public int writeBufferSize() {
        return 0;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
    }

    @Override
    public Object getExtraInfo(String name) {
        return null;
    }
}
