package org.coro4j;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs tasks and callbacks on one thread [Python: {@code asyncio} event loop]. Each iteration runs
 * the callbacks that were ready when it began, in FIFO order; timers become ready when due, in order
 * of deadline then scheduling. A loop made by {@link #withVirtualClock()} never waits for time: when
 * nothing is ready its time jumps to the next timer (while channels are registered, only after they
 * stayed quiet for {@link #setIoQuietPeriod the I/O quiet period}). A timer due at
 * {@link Double#POSITIVE_INFINITY} never fires and a virtual clock never jumps to it: with nothing
 * ready and only such timers left, the loop waits for {@link #callSoonThreadsafe} work or I/O, as
 * asyncio's loop would wait forever. Once a channel is registered the loop waits in a
 * {@link java.nio.channels.Selector}, and readiness callbacks are queued in FIFO order with the rest;
 * while work is ready it looks at the channels without waiting, every other iteration.
 *
 * <p>Only {@link #callSoonThreadsafe} may be called from other threads.
 */
public final class EventLoop implements AutoCloseable {
    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
    /**
     * The loop {@link #current()} found last, on whichever thread: if it runs on the calling thread
     * it is that thread's running loop (a thread runs one loop at a time), found without the
     * thread-local look-up. Read and written without synchronisation: a stale value only sends
     * {@code current()} to {@link #RUNNING}. A loop that stops running forgets itself here, so a
     * closed loop is not kept alive by it.
     */
    private static EventLoop lastCurrent;
    /** Cancelled timers are purged from the heap once there are this many and they are half of it. */
    private static final int MIN_CANCELLED_TIMERS_TO_PURGE = 100;

    private final LoopClock clock;
    /**
     * What is due, in order: {@link Handle}s, {@link Task}s whose next step is due, and done callbacks
     * as a {@link Consumer} followed by its {@link Future}; tasks and callbacks are queued without a wrapper.
     */
    private final ReadyQueue ready = new ReadyQueue();
    private final PriorityQueue<TimerHandle> timers = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Handle> fromOtherThreads = new ConcurrentLinkedQueue<>();
    /** The exceptions of this loop's failed futures nobody retrieved yet; it does not keep the futures alive. */
    final UnretrievedExceptions unretrieved = new UnretrievedExceptions(this);
    /** Pending tasks, a doubly linked list through {@link Task#previousPending()}/{@link Task#nextPending}. */
    private Task<?> firstPending;
    private Task<?> lastPending;
    private int pendingCount;
    private long timerSequence;
    private int cancelledTimers;
    private volatile Thread thread;
    private volatile boolean closed;
    private boolean stopping;
    /**
     * Whether the last iteration waited for or polled the channels: an iteration with work ready
     * polls them only if the last one did not, so that a batch of readiness callbacks and the
     * steps they wake cost one select, not two, and a busy loop still sees I/O every other iteration.
     */
    private boolean polledLast;
    private Task<?> currentTask;
    /**
     * While the frames of direct calls suspend one after another on the way out (see
     * {@link Continuation#unwound}), the last of them, which its caller has yet to link; null at
     * any other time.
     */
    Continuation<?> unlinked;
    private ExceptionHandler exceptionHandler;
    private TaskFactory taskFactory = TaskFactory.DEFAULT;
    private ExecutorService workers;
    private final IoPoller io = new IoPoller();
    private boolean debug;
    private double slowCallbackDuration = 0.1;
    /** The loop's MBean from its first run on, registered while it runs; see {@link EventLoopMXBean}. */
    private LoopManagement management;

    private EventLoop(LoopClock clock) {
        this.clock = clock;
        if (Diagnostics.DEBUG) {
            setDebug(true);
        }
    }

    /** A loop on the wall clock ({@link System#nanoTime()}). */
    public static EventLoop create() {
        return new EventLoop(LoopClock.wall());
    }

    /** A loop whose time starts at 0 and jumps to the next timer whenever nothing is ready. */
    public static EventLoop withVirtualClock() {
        return new EventLoop(LoopClock.virtual());
    }

    /** The loop running on the calling thread; throws {@link AsyncUsageException} if there is none. */
    public static EventLoop current() {
        EventLoop last = lastCurrent;
        if (last != null && last.thread == Thread.currentThread()) {
            return last;
        }
        EventLoop loop = RUNNING.get();
        lastCurrent = loop;
        if (loop == null) {
            throw new AsyncUsageException("no running event loop on thread " + Thread.currentThread().getName()
                    + "; start one with Asyncio.run(coroutine) or EventLoop.runUntilComplete. If this was called from"
                    + " an @Async method, that method ran eagerly because it was not instrumented. " + Await.HOW_TO_INSTRUMENT);
        }
        return loop;
    }

    /** The running loop of the calling thread, or null. */
    static EventLoop running() {
        return RUNNING.get();
    }

    /** The loop's time in seconds; monotonic. */
    public double time() {
        return clock.now();
    }

    /** Whether the loop was made by {@link #withVirtualClock()}. */
    boolean hasVirtualClock() {
        return clock.isVirtual();
    }

    /** Whether the loop is running. */
    public boolean isRunning() {
        return thread != null;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Turns debug mode on or off [Python: {@code loop.set_debug}]; the system property
     * {@code coro4j.debug=true} starts every loop in it. In debug mode a task step or callback that
     * runs for {@link #getSlowCallbackDuration()} or longer is logged as a warning on the
     * {@code org.coro4j} {@link System.Logger}, with the task's name and the {@code File.java:line}
     * where it suspended next; and, while any loop is in debug mode, a coroutine created anywhere and
     * garbage collected without ever being awaited or wrapped in a task is logged as
     * "coroutine X was never awaited" with the place it was created.
     */
    public void setDebug(boolean enabled) {
        if (enabled && !debug) {
            CoroutineOrigins.enable();
            FlightRecording.watch();
        } else if (!enabled && debug) {
            CoroutineOrigins.disable();
        }
        debug = enabled;
    }

    /** Whether the loop is in debug mode [Python: {@code loop.get_debug}]. */
    public boolean isDebug() {
        return debug;
    }

    /** Sets the duration, in seconds, from which debug mode reports a step as slow (default 0.1) [Python: {@code slow_callback_duration}]. */
    public void setSlowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slow callback duration must be a number of seconds >= 0, not " + seconds);
        }
        slowCallbackDuration = seconds;
    }

    /** The duration, in seconds, from which debug mode reports a step as slow. */
    public double getSlowCallbackDuration() {
        return slowCallbackDuration;
    }

    /** Replaces the handler for errors nobody can catch; null restores the default, which logs. */
    public void setExceptionHandler(ExceptionHandler handler) {
        exceptionHandler = handler;
    }

    /** The handler set by {@link #setExceptionHandler}, or null for the default. */
    public ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    /** Reports an error to the exception handler [Python: {@code loop.call_exception_handler}]. */
    public void callExceptionHandler(ExceptionContext context) {
        ExceptionHandler handler = exceptionHandler;
        if (handler == null) {
            logError(context);
            return;
        }
        try {
            handler.handle(this, context);
        } catch (Throwable e) {
            logError(new ExceptionContext("Unhandled error in exception handler", e, context.task()));
        }
    }

    /** Wraps {@code coroutine} in a task started as the {@link #getTaskFactory() task factory} says. */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /** Wraps {@code coroutine} in a task named {@code name}, started as the {@link #getTaskFactory() task factory} says. */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return createTask(coroutine, name, taskFactory == TaskFactory.EAGER);
    }

    /**
     * Wraps {@code coroutine} in a task named {@code name} (null for {@code Task-N}); with
     * {@code eagerStart}, and if this loop is running on the calling thread, the coroutine runs at
     * once up to its first suspension, whatever the task factory [Python 3.14: {@code create_task(eager_start=)}].
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name, boolean eagerStart) {
        Arguments.notNull(coroutine, "createTask: the coroutine");
        checkOpen();
        return new Task<>(this, coroutine, name, eagerStart && RUNNING.get() == this);
    }

    /** Sets how this loop starts the tasks it creates; null restores {@link TaskFactory#DEFAULT} [Python: {@code loop.set_task_factory}]. */
    public void setTaskFactory(TaskFactory factory) {
        taskFactory = factory == null ? TaskFactory.DEFAULT : factory;
    }

    /** How this loop starts the tasks it creates [Python: {@code loop.get_task_factory}]. */
    public TaskFactory getTaskFactory() {
        return taskFactory;
    }

    /** Queues {@code callback} to run on a next iteration, after what is queued already. */
    public Handle callSoon(Runnable callback) {
        Arguments.notNull(callback, "callSoon: the callback");
        checkOpen();
        Handle handle = new Handle(callback);
        ready.add(handle);
        return handle;
    }

    /** Like {@link #callSoon}, but may be called from any thread; wakes the loop if it waits. */
    public Handle callSoonThreadsafe(Runnable callback) {
        Arguments.notNull(callback, "callSoonThreadsafe: the callback");
        checkOpen();
        Handle handle = new Handle(callback);
        fromOtherThreads.add(handle);
        io.wakeup();
        return handle;
    }

    /**
     * Runs {@code callback} after {@code seconds} of loop time; a negative delay means 0,
     * {@link Double#POSITIVE_INFINITY} means never and NaN throws {@link IllegalArgumentException}
     * [Python: {@code loop.call_later}].
     */
    public TimerHandle callLater(double seconds, Runnable callback) {
        return callAt(time() + Arguments.delay(seconds, "callLater"), callback);
    }

    /**
     * Runs {@code callback} at loop time {@code when}; {@link Double#POSITIVE_INFINITY} means never
     * and NaN throws {@link IllegalArgumentException} [Python: {@code loop.call_at}].
     */
    public TimerHandle callAt(double when, Runnable callback) {
        Arguments.deadline(when, "callAt");
        Arguments.notNull(callback, "callAt: the callback");
        checkOpen();
        TimerHandle handle = new TimerHandle(this, when, timerSequence++, callback);
        timers.add(handle);
        return handle;
    }

    /** Runs the loop until {@code coroutine}, wrapped in a task, is done; returns its result or throws. */
    public <T> T runUntilComplete(Coroutine<T> coroutine) {
        Arguments.notNull(coroutine, "runUntilComplete: the coroutine");
        checkCanRun();
        return runUntilComplete(createTask(coroutine));
    }

    /** Runs the loop until {@code future} is done; returns its result or throws its exception. */
    public <T> T runUntilComplete(Future<T> future) {
        Arguments.notNull(future, "runUntilComplete: the future");
        checkCanRun();
        if (future.loop() != this) {
            throw new AsyncUsageException("The future belongs to a different loop than the one given to runUntilComplete");
        }
        Consumer<Future<T>> stop = f -> stopping = true;
        future.addDoneCallback(stop);
        try {
            runUntilStopped();
        } finally {
            future.removeDoneCallback(stop);
        }
        if (!future.isDone()) {
            throw new InvalidStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    /**
     * Calls {@code callback} on the loop thread whenever {@code channel} can be read, or a server
     * channel accepted from, until {@link #removeReader}; replaces the channel's previous reader
     * [Python: {@code loop.add_reader}]. The channel is put in non-blocking mode.
     */
    public void addReader(SelectableChannel channel, Runnable callback) {
        checkOpen();
        io.addReader(channel, callback);
    }

    /** Stops watching {@code channel} for reading; false if no reader was registered [Python: {@code loop.remove_reader}]. */
    public boolean removeReader(SelectableChannel channel) {
        return io.removeReader(channel);
    }

    /**
     * Calls {@code callback} on the loop thread whenever {@code channel} can be written, or a socket
     * being connected has connected or failed to, until {@link #removeWriter} [Python: {@code loop.add_writer}].
     * The channel is put in non-blocking mode.
     */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        checkOpen();
        io.addWriter(channel, callback);
    }

    /** Stops watching {@code channel} for writing; false if no writer was registered [Python: {@code loop.remove_writer}]. */
    public boolean removeWriter(SelectableChannel channel) {
        return io.removeWriter(channel);
    }

    /** A future of the next connection accepted by {@code server} [Python: {@code loop.sock_accept}]. */
    public Future<SocketChannel> sockAccept(ServerSocketChannel server) {
        checkOpen();
        return SocketOperations.accept(this, server);
    }

    /** A future done when {@code socket} has connected to {@code address} [Python: {@code loop.sock_connect}]. */
    public Future<Void> sockConnect(SocketChannel socket, SocketAddress address) {
        checkOpen();
        return SocketOperations.connect(this, socket, address);
    }

    /**
     * A future of the number of bytes read from {@code socket} into {@code buffer}, at least one, or
     * -1 at end of stream [Python: {@code loop.sock_recv_into}].
     */
    public Future<Integer> sockRecv(SocketChannel socket, ByteBuffer buffer) {
        checkOpen();
        return SocketOperations.receive(this, socket, buffer);
    }

    /** A future done when every remaining byte of {@code buffer} is sent on {@code socket} [Python: {@code loop.sock_sendall}]. */
    public Future<Void> sockSendAll(SocketChannel socket, ByteBuffer buffer) {
        checkOpen();
        return SocketOperations.sendAll(this, socket, buffer);
    }

    /**
     * How long, in real seconds, a virtual-clock loop with channels registered waits for one to be
     * ready before its time jumps to the next timer; 0.05 unless set. A wall-clock loop ignores it.
     */
    public void setIoQuietPeriod(double seconds) {
        io.setQuietPeriod(seconds);
    }

    /**
     * Runs the loop until {@link #stop()} is called [Python: {@code loop.run_forever}]. If
     * {@code stop()} was called before, the loop runs what is ready once and returns.
     */
    public void runForever() {
        checkCanRun();
        runUntilStopped();
    }

    /**
     * Makes the running loop return from {@link #runForever()} (or {@link #runUntilComplete}, which
     * then throws {@link InvalidStateException}) once it has run what is ready now
     * [Python: {@code loop.stop}]. Called on the loop's thread; from another thread use
     * {@code callSoonThreadsafe(loop::stop)}.
     */
    public void stop() {
        stopping = true;
    }

    /**
     * Closes the loop: closes every server and connection it owns, reports exceptions never
     * retrieved and tasks still pending, drops pending callbacks and shuts down the
     * {@link Asyncio#toThread} worker pool.
     */
    @Override
    public void close() {
        if (isRunning()) {
            throw new AsyncUsageException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        io.close();
        if (management != null) {
            management.closed();
        }
        unretrieved.reportAll();
        reportPendingTasks();
        closed = true;
        if (debug) {
            CoroutineOrigins.disable();
            debug = false;
        }
        ready.clear();
        timers.clear();
        fromOtherThreads.clear();
        if (workers != null) {
            workers.shutdown();
        }
    }

    /**
     * Every pending task, in creation order, with its name, state (running, ready, or the future it
     * is suspended on), the {@code @Async} frames it is suspended in (innermost first) and the tasks
     * and futures awaiting it. Call it on the loop's thread, or while the loop is not running.
     */
    public String dumpTasks() {
        return CallGraphs.dumpTasks(this);
    }

    /** The tasks not done yet, in creation order. */
    Set<Task<?>> pendingTasks() {
        Set<Task<?>> tasks = new LinkedHashSet<>(pendingCount * 2);
        for (Task<?> task = firstPending; task != null; task = task.nextPending) {
            tasks.add(task);
        }
        return tasks;
    }

    Task<?> currentTask() {
        return currentTask;
    }

    /** The thread running the loop, or null. */
    Thread thread() {
        return thread;
    }

    int readyCount() {
        return ready.size() + fromOtherThreads.size();
    }

    int pendingTaskCount() {
        return pendingCount;
    }

    int timerCount() {
        return timers.size();
    }

    /** The loop's MBean, or null before its first run or with {@code coro4j.jmx=false}. */
    LoopManagement management() {
        return management;
    }

    /** Queues a task's next step directly, without a handle. */
    void enqueue(Task<?> task) {
        ready.add(task);
    }

    /**
     * Queues a future's done callback as two entries, the callback then the future, so that no
     * wrapper is allocated; they are taken off the queue together.
     */
    <T> void enqueue(Consumer<? super Future<T>> callback, Future<T> future) {
        checkOpen();
        ready.add(callback);
        ready.add(future);
    }

    void register(Task<?> task) {
        task.setPreviousPending(lastPending);
        if (lastPending == null) {
            firstPending = task;
        } else {
            lastPending.nextPending = task;
        }
        lastPending = task;
        pendingCount++;
        if (FlightRecording.active) {
            FlightEvents.taskCreated(task);
        }
    }

    void unregister(Task<?> task) {
        Task<?> previous = task.previousPending();
        Task<?> next = task.nextPending;
        if (previous == null) {
            firstPending = next;
        } else {
            previous.nextPending = next;
        }
        if (next == null) {
            lastPending = previous;
        } else {
            next.setPreviousPending(previous);
        }
        task.setPreviousPending(null);
        task.nextPending = null;
        pendingCount--;
    }

    void enterTask(Task<?> task) {
        currentTask = task;
    }

    void leaveTask() {
        currentTask = null;
    }

    /** The loop's selector and the servers and connections it owns. */
    IoPoller io() {
        return io;
    }

    void timerCancelled() {
        cancelledTimers++;
    }

    /** The pool {@link Asyncio#toThread} runs on; created on first use, shut down by {@link #close()}. */
    ExecutorService workers() {
        checkOpen();
        if (workers == null) {
            int size = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    runnable -> {
                        Thread worker = new Thread(runnable, "coro4j-worker-" + count.incrementAndGet());
                        worker.setDaemon(true);
                        return worker;
                    });
            pool.allowCoreThreadTimeOut(true);
            workers = pool;
        }
        return workers;
    }

    private void runUntilStopped() {
        thread = Thread.currentThread();
        RUNNING.set(this);
        try {
            if (Diagnostics.JMX) {
                if (management == null) {
                    management = LoopManagement.of(this);
                }
                management.started();
            }
            do {
                runOnce();
            } while (!stopping);
        } finally {
            stopping = false;
            stopRunning();
        }
    }

    /** Called by the thread that ran the loop when it stops: the loop no longer runs on it. */
    private void stopRunning() {
        if (management != null) {
            management.stopped();
        }
        thread = null;
        RUNNING.remove();
        if (lastCurrent == this) {
            lastCurrent = null;
        }
    }

    /** Makes {@code task} the current one and returns the one it replaces [Python: {@code _swap_current_task}]. */
    Task<?> swapCurrentTask(Task<?> task) {
        Task<?> previous = currentTask;
        currentTask = task;
        return previous;
    }

    private void checkCanRun() {
        checkOpen();
        if (isRunning()) {
            throw new AsyncUsageException("This event loop is already running");
        }
        if (RUNNING.get() != null) {
            throw new AsyncUsageException("Cannot run the event loop while another loop is running on this thread");
        }
    }

    private void reportPendingTasks() {
        for (Task<?> task : pendingTasks()) {
            callExceptionHandler(new ExceptionContext("Task was destroyed but it is pending!", null, task));
        }
    }

    private void runOnce() {
        moveFromOtherThreads();
        if (cancelledTimers > MIN_CANCELLED_TIMERS_TO_PURGE && cancelledTimers * 2 > timers.size()) {
            purgeCancelledTimers();
        }
        if (ready.isEmpty() && !stopping) {
            waitForWork();
            polledLast = true;
        } else if (polledLast) {
            // what is ready now was mostly queued by the last select: look for more I/O next time
            polledLast = false;
        } else {
            io.poll(ready);
            polledLast = true;
        }
        runReady();
    }

    /** Makes the due timers ready, then runs what was ready at that moment. */
    private void runReady() {
        boolean timing = debug || FlightRecording.active;
        double now = clock.now();
        while (!timers.isEmpty() && timers.peek().when() <= now) {
            TimerHandle due = timers.poll();
            due.scheduled = false;
            if (due.isCancelled()) {
                cancelledTimers--;
            } else {
                ready.add(due);
            }
        }
        for (int n = ready.size(); n > 0; n--) {
            Object item = ready.poll();
            long started = timing ? System.nanoTime() : 0;
            if (item instanceof Task<?> task) {
                if (task.runStep()) {
                    ready.add(task);
                }
            } else if (item instanceof Handle handle) {
                if (!handle.isCancelled()) {
                    runCallback(handle);
                }
            } else {
                n--;
                runDoneCallback((Consumer<?>) item, (Future<?>) ready.poll());
            }
            if (timing) {
                SlowSteps.finished(this, item, started);
            }
        }
    }

    /**
     * Runs the loop on the calling thread without waiting, for a test's virtual clock: what is
     * ready (channels included), and each timer due at or before {@code until}, the virtual time
     * moving to each timer in turn; then sets the time to {@code until} if it is later and finite.
     */
    void runVirtualUntil(double until) {
        checkCanRun();
        thread = Thread.currentThread();
        RUNNING.set(this);
        try {
            while (true) {
                moveFromOtherThreads();
                io.poll(ready);
                dropCancelledTimersAtHead();
                if (!ready.isEmpty() || !timers.isEmpty() && timers.peek().when() <= clock.now()) {
                    runReady();
                } else if (!timers.isEmpty() && timers.peek().when() <= until && timers.peek().when() != Double.POSITIVE_INFINITY) {
                    clock.advanceTo(timers.peek().when());
                } else {
                    break;
                }
            }
            if (until != Double.POSITIVE_INFINITY) {
                clock.advanceTo(until);
            }
        } finally {
            stopRunning();
        }
    }

    private void purgeCancelledTimers() {
        timers.removeIf(timer -> {
            if (timer.isCancelled()) {
                timer.scheduled = false;
                return true;
            }
            return false;
        });
        cancelledTimers = 0;
    }

    private void dropCancelledTimersAtHead() {
        while (!timers.isEmpty() && timers.peek().isCancelled()) {
            timers.poll().scheduled = false;
            cancelledTimers--;
        }
    }

    private void waitForWork() {
        dropCancelledTimersAtHead();
        if (timers.isEmpty() || timers.peek().when() == Double.POSITIVE_INFINITY) {
            io.await(-1, fromOtherThreads, ready);
        } else if (clock.isVirtual()) {
            if (io.hasChannels()) {
                io.await((long) Math.ceil(io.quietPeriod() * 1e9), fromOtherThreads, ready);
            }
            if (ready.isEmpty() && fromOtherThreads.isEmpty()) {
                clock.advanceTo(timers.peek().when());
            }
        } else {
            double wait = timers.peek().when() - clock.now();
            io.await(wait > 0 ? (long) Math.ceil(wait * 1e9) : 0, fromOtherThreads, ready);
        }
        moveFromOtherThreads();
    }

    private void moveFromOtherThreads() {
        Handle handle;
        while ((handle = fromOtherThreads.poll()) != null) {
            ready.add(handle);
        }
    }

    private void runCallback(Handle handle) {
        try {
            handle.run();
        } catch (Throwable e) {
            callExceptionHandler(new ExceptionContext("Exception in callback " + handle, e, null));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runDoneCallback(Consumer callback, Future<?> future) {
        try {
            callback.accept(future);
        } catch (Throwable e) {
            callExceptionHandler(new ExceptionContext("Exception in callback " + callback + " for " + future, e, null));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new AsyncUsageException("Event loop is closed");
        }
    }

    /** Logs {@code context} as the default exception handler does; may be called from any thread. */
    static void logError(ExceptionContext context) {
        System.Logger logger = System.getLogger("org.coro4j");
        String message = context.printed();
        if (context.exception() != null) {
            logger.log(System.Logger.Level.ERROR, message, context.exception());
        } else {
            logger.log(System.Logger.Level.ERROR, message);
        }
    }
}
