package org.coro4j;

import java.lang.ref.Cleaner;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where coroutines were created, so that one garbage collected without ever being awaited or
 * wrapped in a task is reported with that place [Python: "coroutine ... was never awaited" and
 * {@code Coroutine created at}, debug mode]. On while a loop is in debug mode (always with
 * {@code coro4j.debug=true}); off, a coroutine costs one static field read at creation and one when
 * it starts, and nothing is kept for it. When it goes off, the coroutines tracked so far are
 * forgotten, so that none is reported for having started while it was off.
 */
final class CoroutineOrigins {
    /** Whether coroutines created now are tracked. */
    static volatile boolean tracking = Diagnostics.DEBUG;
    /** How many loops are in debug mode. */
    private static int debugLoops;

    private static final Map<Continuation<?>, Origin> ORIGINS = Collections.synchronizedMap(new WeakHashMap<>());

    private CoroutineOrigins() {
    }

    /** A loop entered debug mode. */
    static synchronized void enable() {
        debugLoops++;
        tracking = true;
    }

    /** A loop left debug mode, or closed in it; the last one out stops the tracking. */
    static synchronized void disable() {
        debugLoops--;
        if (debugLoops == 0 && !Diagnostics.DEBUG) {
            tracking = false;
            synchronized (ORIGINS) {
                for (Origin origin : ORIGINS.values()) {
                    origin.started = true;
                }
                ORIGINS.clear();
            }
        }
    }

    /** Called by a coroutine's constructor while tracking. */
    static void created(Continuation<?> coroutine) {
        Origin origin = new Origin(new Throwable().getStackTrace());
        ORIGINS.put(coroutine, origin);
        Cleanup.CLEANER.register(coroutine, origin);
    }

    /** Called when {@code coroutine} is awaited or wrapped in a task, while tracking. */
    static void started(Continuation<?> coroutine) {
        Origin origin = ORIGINS.remove(coroutine);
        if (origin != null) {
            origin.started = true;
        }
    }

    /** The cleaner, made when the first coroutine is tracked. */
    private static final class Cleanup {
        static final Cleaner CLEANER = Cleaner.create();
    }

    /**
     * What is known of a tracked coroutine: the stack where its constructor ran, whose first frame
     * past the constructors is the coroutine method (which only allocates the coroutine) and whose
     * next ones are where it was called. It must not refer to the coroutine.
     */
    private static final class Origin implements Runnable {
        private final StackTraceElement[] creation;
        volatile boolean started;

        Origin(StackTraceElement[] creation) {
            this.creation = creation;
        }

        /** Runs on the cleaner's thread once the coroutine is unreachable. */
        @Override
        public void run() {
            if (started) {
                return;
            }
            int method = 0;
            while (method < creation.length - 1 && (creation[method].getClassName().equals(CoroutineOrigins.class.getName())
                    || creation[method].getMethodName().equals("<init>"))) {
                method++;
            }
            StringBuilder message = new StringBuilder("coroutine ").append(creation[method].getClassName()).append('.')
                    .append(creation[method].getMethodName()).append(" was never awaited; it was created at");
            for (int i = method + 1; i < creation.length; i++) {
                message.append("\n\tat ").append(creation[i]);
            }
            Diagnostics.logger().log(System.Logger.Level.WARNING, message.toString());
        }
    }
}
