package org.coro4j.instrumenter.fuzz;

/** A resource for generated try-with-resources statements that records its opening and closing. */
public final class TracedResource implements AutoCloseable {
    private final Trace trace;
    private final String name;

    /** Opens the resource {@code name}, recording it in {@code trace}. */
    public TracedResource(Trace trace, String name) {
        this.trace = trace;
        this.name = name;
        trace.add("open " + name);
    }

    @Override
    public void close() {
        trace.add("close " + name);
    }
}
