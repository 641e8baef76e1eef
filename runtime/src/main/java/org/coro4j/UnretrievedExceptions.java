package org.coro4j;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exceptions of one loop's failed futures that nobody has retrieved yet [Python: the
 * {@code __del__} of {@code asyncio.Future} that logs "exception was never retrieved"]. Each is
 * reported once: when its future is garbage collected, or when the loop closes if that comes first;
 * retrieving it ({@link Future#result()}, {@link Future#exception()}) withdraws the report.
 *
 * <p>The report reads as asyncio's: {@code Task exception was never retrieved}, then a line
 * {@code future: <Task finished name='Task-2' coro=<Demo.fetch()> exception=java.io.IOException: boom>},
 * the future as {@link Future#toString()} shows it. A report at loop close, whose task is still
 * at hand, carries it as {@link ExceptionContext#task()}; a task already collected is described as
 * it printed when it failed, and the report carries no task. Either way the printed report
 * ({@link ExceptionContext#printed()}) names the task once.
 *
 * <p>Only failed futures pay for this: a {@link Report} holding the exception, that description
 * and a weak reference to the future, registered with a {@link Cleaner}. Neither the loop nor the
 * report keeps the future alive. A report whose future was collected while the loop runs is handed to the
 * loop with {@link EventLoop#callSoonThreadsafe} (one call for all the reports collected meanwhile)
 * and goes to its exception handler on the loop thread; when the loop is not running it is logged
 * directly through {@code System.Logger} {@code org.coro4j} at {@code ERROR}, since the handler must
 * only be called on the loop's thread. Closing the loop delivers what is still on its way.
 */
final class UnretrievedExceptions {
    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "coro4j-unretrieved-exceptions");
        thread.setDaemon(true);
        return thread;
    });

    private final EventLoop loop;
    /**
     * The first of the reports not delivered nor withdrawn yet, linked through {@link Report#next};
     * guarded by {@code this}, since the cleaner's thread removes them too. A list, unlike a hash
     * set, shrinks back to nothing once the reports are gone.
     */
    private Report firstArmed;
    /** Reports of collected futures on their way from the cleaner's thread to the loop thread. */
    private final ConcurrentLinkedQueue<ExceptionContext> collected = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    UnretrievedExceptions(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Starts watching {@code future}, which just failed with {@code error} and is described as
     * {@code description}; the report is the future's outcome from now on.
     */
    Report watch(Future<?> future, Throwable error, String description) {
        Report report = new Report(this, future, error, description);
        synchronized (this) {
            report.next = firstArmed;
            if (firstArmed != null) {
                firstArmed.previous = report;
            }
            firstArmed = report;
        }
        report.cleanable = CLEANER.register(future, report);
        return report;
    }

    /** Delivers every report still armed to the loop's exception handler; the loop calls it when it closes. */
    void reportAll() {
        drain();
        List<Report> left = new ArrayList<>();
        synchronized (this) {
            for (Report report = firstArmed; report != null; report = report.next) {
                left.add(report);
            }
        }
        for (Report report : left) {
            if (report.claim()) {
                report.cleanable.clean();
                loop.callExceptionHandler(report.context(report.get()));
            }
        }
    }

    /** Called on the cleaner's thread with the report of a collected future. */
    private void collected(ExceptionContext context) {
        if (loop.isRunning()) {
            collected.add(context);
            if (!drainScheduled.compareAndSet(false, true)) {
                return;
            }
            try {
                loop.callSoonThreadsafe(this::drain);
                return;
            } catch (AsyncUsageException closed) {
                drainScheduled.set(false);
                if (!collected.remove(context)) {
                    return;
                }
            }
        }
        EventLoop.logError(context);
    }

    /** Delivers the reports of collected futures to the exception handler; on the loop thread. */
    private void drain() {
        drainScheduled.set(false);
        ExceptionContext context;
        while ((context = collected.poll()) != null) {
            loop.callExceptionHandler(context);
        }
    }

    /**
     * One exception nobody retrieved: what reports it once its future is gone. It refers to the
     * future only weakly, as the {@link Cleaner} needs, and to report the task if it is still
     * alive when the loop closes.
     */
    static final class Report extends WeakReference<Future<?>> implements Runnable {
        private final UnretrievedExceptions owner;
        final Throwable error;
        /** {@code Task} or {@code Future}. */
        private final String kind;
        /** The future as it printed when it failed. */
        private final String description;
        private Cleaner.Cleanable cleanable;
        /** Guarded by the owner, like the links. */
        private boolean claimed;
        private Report previous;
        private Report next;

        private Report(UnretrievedExceptions owner, Future<?> future, Throwable error, String description) {
            super(future);
            this.owner = owner;
            this.error = error;
            this.kind = future.kind();
            this.description = description;
        }

        /** The exception was retrieved: nothing will be reported. */
        void withdraw() {
            if (claim()) {
                cleanable.clean();
            }
        }

        /** Runs on the cleaner's thread once the future is unreachable (or when {@link #withdraw} or the loop's close cleaned it). */
        @Override
        public void run() {
            if (claim()) {
                owner.collected(context(null));
            }
        }

        /** Marks the report as delivered or withdrawn; true only for the first caller. */
        private boolean claim() {
            synchronized (owner) {
                if (claimed) {
                    return false;
                }
                claimed = true;
                if (previous == null) {
                    owner.firstArmed = next;
                } else {
                    previous.next = next;
                }
                if (next != null) {
                    next.previous = previous;
                }
                previous = null;
                next = null;
                return true;
            }
        }

        /**
         * The report as asyncio's default handler prints it: the message, then the future [Python:
         * {@code Future.__del__}]; {@code alive} is the future if it is still reachable, else null.
         * A task still at hand is the context's {@link ExceptionContext#task() task} and is shown
         * as it prints now; a collected one as it printed when it failed.
         */
        private ExceptionContext context(Future<?> alive) {
            String shown = alive == null ? description : alive.toString();
            Task<?> task = alive instanceof Task<?> t ? t : null;
            return new ExceptionContext(kind + " exception was never retrieved\nfuture: " + shown, error, task);
        }
    }
}
