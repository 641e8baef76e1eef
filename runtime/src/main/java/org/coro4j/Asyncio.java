package org.coro4j;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * The module-level functions of asyncio [Python: {@code asyncio.run}, {@code create_task},
 * {@code sleep}, {@code gather}, ...]. Except {@link #run}, each must be called on a thread whose
 * event loop is running, normally from inside a coroutine.
 */
public final class Asyncio {
    private Asyncio() {
    }

    /**
     * Runs {@code coroutine} as the main task of a new wall-clock loop on the calling thread, then
     * cancels what is left, closes the loop and returns the result or rethrows the exception
     * [Python: {@code asyncio.run}].
     */
    public static <T> T run(Coroutine<T> coroutine) {
        return run(EventLoop.create(), coroutine);
    }

    /** Like {@link #run(Coroutine)} on the given loop, which is closed afterwards. */
    public static <T> T run(EventLoop loop, Coroutine<T> coroutine) {
        Arguments.notNull(loop, "Asyncio.run: the loop");
        Arguments.notNull(coroutine, "Asyncio.run: the coroutine");
        if (EventLoop.running() != null) {
            throw new AsyncUsageException("Asyncio.run() cannot be called from a running event loop");
        }
        try (Runner runner = new Runner(loop)) {
            return runner.run(coroutine);
        }
    }

    /** Wraps {@code coroutine} in a task on the running loop [Python: {@code asyncio.create_task}]. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return EventLoop.current().createTask(coroutine);
    }

    /** Wraps {@code coroutine} in a task named {@code name} [Python: {@code create_task(coro, name=)}]. */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return EventLoop.current().createTask(coroutine, name);
    }

    /**
     * Wraps {@code coroutine} in a task named {@code name} (null for {@code Task-N}); with
     * {@code eagerStart} its coroutine runs at once, inside this call, up to its first suspension,
     * whatever the loop's {@link TaskFactory}; a task that finishes without suspending is returned
     * done and never scheduled [Python 3.14: {@code create_task(coro, name=, eager_start=)}].
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name, boolean eagerStart) {
        return EventLoop.current().createTask(coroutine, name, eagerStart);
    }

    /** A future done after {@code seconds}; {@code sleep(0)} yields once [Python: {@code asyncio.sleep}]. */
    public static Future<Void> sleep(double seconds) {
        return sleep(seconds, null);
    }

    /** A future done after {@code duration} [Python: {@code asyncio.sleep}]. */
    public static Future<Void> sleep(Duration duration) {
        return sleep(seconds(duration), null);
    }

    /** {@code duration} in seconds, for {@code sleep(Duration)}; throws if it is null. */
    static double seconds(Duration duration) {
        return Arguments.notNull(duration, "sleep: the duration").toNanos() / 1e9;
    }

    /**
     * A future whose result is {@code result} after {@code seconds} [Python: {@code asyncio.sleep(delay, result)}].
     * A negative delay means 0, {@link Double#POSITIVE_INFINITY} means never, NaN throws
     * {@link IllegalArgumentException}.
     */
    public static <T> Future<T> sleep(double seconds, T result) {
        Arguments.delay(seconds, "sleep");
        EventLoop loop = EventLoop.current();
        if (seconds <= 0) {
            return YieldFuture.of(loop, result);
        }
        return new SleepFuture<>(loop, seconds, result);
    }

    /**
     * A future of the results of all {@code awaitables} in argument order; each is a
     * {@link Coroutine} (wrapped in a task) or a {@link Future} [Python: {@code asyncio.gather}].
     * This untyped form is for arguments of mixed result types; for a list of awaitables of one
     * result type {@code T}, the typed {@code gather(List<? extends Awaitable<? extends T>>)} gives
     * a {@code Future<List<T>>}.
     */
    public static Future<List<Object>> gather(Object... awaitables) {
        return gather(false, Arrays.asList(awaitables));
    }

    /**
     * Like {@link #gather(Object...)} for a list whose elements' static type is not an
     * {@link Awaitable} (a {@code List<Object>} or {@code List<?>}); a list of {@code Awaitable<T>}s
     * (futures, tasks, coroutines) goes to the typed {@code gather(List<? extends Awaitable<? extends T>>)}.
     */
    public static Future<List<Object>> gather(List<?> awaitables) {
        return gather(false, awaitables);
    }

    /**
     * The results, in list order, of futures, tasks and coroutines (wrapped in tasks) that all give a
     * {@code T} [Python: {@code asyncio.gather}]: {@code List<Task<Integer>>} or
     * {@code List<Coroutine<Integer>>} gives {@code Future<List<Integer>>}. Java picks this form
     * over {@link #gather(List)} whenever the list's elements are {@link Awaitable}s; the
     * {@code Object &} bound only gives it an erasure of its own.
     *
     * @param <T> the common result type
     * @param <L> the list's type
     */
    @SuppressWarnings("unchecked")
    public static <T, L extends Object & List<? extends Awaitable<? extends T>>> Future<List<T>> gather(L awaitables) {
        Arguments.notNull(awaitables, "gather: the awaitables");
        return (Future<List<T>>) (Future<?>) Gathering.start(EventLoop.current(), false, awaitables);
    }

    /**
     * Like {@link #gather(Object...)}; with {@code returnExceptions} failures and cancellations are
     * results instead of failing the gathered future.
     */
    public static Future<List<Object>> gather(boolean returnExceptions, List<?> awaitables) {
        Arguments.notNull(awaitables, "gather: the awaitables");
        return Gathering.start(EventLoop.current(), returnExceptions, awaitables);
    }

    /**
     * A future of {@code awaitable}'s outcome, or failing with {@link AsyncTimeoutException} if it
     * takes longer than {@code seconds}; then the awaitable is cancelled and waited for. A timeout of
     * 0 or less cancels it at once (a coroutine's body never starts) unless it is done already
     * [Python: {@code asyncio.wait_for}]. {@link Double#POSITIVE_INFINITY} means no timeout, a
     * negative timeout means 0, NaN throws {@link IllegalArgumentException}.
     */
    public static <T> Future<T> waitFor(Future<? extends T> future, double seconds) {
        return WaitingFor.start(EventLoop.current(), Arguments.notNull(future, "waitFor: the future"), seconds);
    }

    /** Like {@link #waitFor(Future, double)} for a coroutine, wrapped in a task; at a timeout of 0 or less its body never starts. */
    public static <T> Future<T> waitFor(Coroutine<? extends T> coroutine, double seconds) {
        return WaitingFor.start(EventLoop.current(), Arguments.notNull(coroutine, "waitFor: the coroutine"), seconds);
    }

    /**
     * Like {@link #waitFor(Future, double)} for a stage completed on any thread; at the timeout, if
     * it is a {@link java.util.concurrent.Future} (such as a {@code CompletableFuture}), it is
     * cancelled [Python: {@code wait_for} of a wrapped future].
     */
    public static <T> Future<T> waitFor(CompletionStage<? extends T> stage, double seconds) {
        EventLoop loop = EventLoop.current();
        return WaitingFor.start(loop, Future.fromStage(Arguments.notNull(stage, "waitFor: the stage"), loop), seconds);
    }

    /**
     * Like {@link #waitFor(Future, double)} for an awaitable whose static type says nothing (an
     * {@code Object} that is a {@link Future}, a {@link Coroutine} or a {@link CompletionStage});
     * anything else throws {@link IllegalArgumentException}. Its result type is inferred from
     * nothing: prefer the typed forms {@link #waitFor(Future, double)},
     * {@link #waitFor(Coroutine, double)} and {@link #waitFor(CompletionStage, double)}, which javac
     * picks whenever the argument's type is one of those.
     */
    public static <T> Future<T> waitFor(Object awaitable, double seconds) {
        return WaitingFor.start(EventLoop.current(), Arguments.notNull(awaitable, "waitFor: the awaitable"), seconds);
    }

    /**
     * A coroutine that runs {@code body} and cancels it if it is still running {@code seconds} from
     * now; it then throws {@link AsyncTimeoutException} [Python: {@code async with asyncio.timeout(delay)}].
     * {@link Double#POSITIVE_INFINITY} means no deadline; the body can move it with {@link Timeout#reschedule}.
     */
    public static <T> Coroutine<T> timeout(double seconds, AsyncFunction<Timeout, T> body) {
        double delay = Arguments.delay(seconds, "timeout");
        return timeoutAt(EventLoop.current().time() + delay, body);
    }

    /** Like {@link #timeout} with a deadline in loop time [Python: {@code asyncio.timeout_at(when)}]. */
    public static <T> Coroutine<T> timeoutAt(double when, AsyncFunction<Timeout, T> body) {
        Arguments.deadline(when, "timeoutAt");
        Arguments.notNull(body, "timeout: the body");
        return new TimeoutScope<>(new Timeout(when), body);
    }

    /**
     * A future completed like {@code awaitable}, whose cancellation does not cancel the awaitable
     * [Python: {@code asyncio.shield}].
     */
    public static <T> Future<T> shield(Future<? extends T> future) {
        return Shielded.start(EventLoop.current(), Arguments.notNull(future, "shield: the future"));
    }

    /** Like {@link #shield(Future)} for a coroutine, which is wrapped in a task. */
    public static <T> Future<T> shield(Coroutine<? extends T> coroutine) {
        return Shielded.start(EventLoop.current(), Arguments.notNull(coroutine, "shield: the coroutine"));
    }

    /** Like {@link #shield(Future)} for a stage completed on any thread; cancelling the shield leaves the stage alone. */
    public static <T> Future<T> shield(CompletionStage<? extends T> stage) {
        EventLoop loop = EventLoop.current();
        return Shielded.start(loop, Future.fromStage(Arguments.notNull(stage, "shield: the stage"), loop));
    }

    /**
     * Like {@link #shield(Future)} for an awaitable whose static type says nothing (an {@code Object}
     * that is a {@link Future}, a {@link Coroutine} or a {@link CompletionStage}); anything else
     * throws {@link IllegalArgumentException}. Its result type is inferred from nothing: prefer the
     * typed forms {@link #shield(Future)}, {@link #shield(Coroutine)} and
     * {@link #shield(CompletionStage)}, which javac picks whenever the argument's type is one of those.
     */
    public static <T> Future<T> shield(Object awaitable) {
        return Shielded.start(EventLoop.current(), Arguments.notNull(awaitable, "shield: the awaitable"));
    }

    /**
     * A future done when the {@code when} condition holds for {@code futures}, with the futures done
     * by then and those still pending [Python: {@code asyncio.wait}]. It never cancels the futures.
     */
    public static <T> Future<WaitResult<T>> wait(Collection<? extends Future<T>> futures, ReturnWhen when) {
        return wait(futures, when, Double.POSITIVE_INFINITY);
    }

    /** Like {@link #wait(Collection, ReturnWhen)}, also done after {@code timeoutSeconds}; a timeout is not an error. */
    public static <T> Future<WaitResult<T>> wait(Collection<? extends Future<T>> futures, ReturnWhen when, double timeoutSeconds) {
        return Waiting.start(EventLoop.current(), futures, when, timeoutSeconds);
    }

    /** Futures of which the i-th completes like the i-th of {@code futures} to finish [Python: {@code asyncio.as_completed}]. */
    public static <T> List<Future<T>> asCompleted(Collection<? extends Future<T>> futures) {
        return asCompleted(futures, Double.POSITIVE_INFINITY);
    }

    /** Like {@link #asCompleted(Collection)}; the futures not completed after {@code timeoutSeconds} fail with {@link AsyncTimeoutException}. */
    public static <T> List<Future<T>> asCompleted(Collection<? extends Future<T>> futures, double timeoutSeconds) {
        return AsCompleted.start(EventLoop.current(), futures, timeoutSeconds);
    }

    /**
     * Runs {@code work} on a worker thread of the running loop's pool and returns a future of its
     * outcome [Python: {@code asyncio.to_thread}]. Cancelling the future before the work starts
     * keeps it from running. The pool is shut down when the loop closes.
     */
    public static <T> Future<T> toThread(Callable<T> work) {
        Arguments.notNull(work, "toThread: the work");
        return ThreadWork.start(EventLoop.current(), work);
    }

    /**
     * A future of a TCP connection to {@code host} at {@code port}, with default {@link StreamOptions}
     * [Python: {@code asyncio.open_connection}]. The name is resolved on a worker thread; failures are
     * the JDK's exceptions ({@link java.net.UnknownHostException}, {@link java.net.ConnectException}, ...).
     */
    public static Future<Connection> openConnection(String host, int port) {
        return openConnection(host, port, StreamOptions.defaults());
    }

    /** Like {@link #openConnection(String, int)} with {@code options}. */
    public static Future<Connection> openConnection(String host, int port, StreamOptions options) {
        return Connecting.start(EventLoop.current(), host, port, options);
    }

    /**
     * A future of a TCP server on {@code host} (null or empty: every interface) at {@code port} (0: a
     * free one), which runs {@code handler} in a new task for each connection [Python:
     * {@code asyncio.start_server}]. An exception escaping the handler is reported to the loop's
     * exception handler and closes that connection.
     */
    public static Future<Server> startServer(ConnectionHandler handler, String host, int port) {
        return startServer(handler, host, port, StreamOptions.defaults());
    }

    /** Like {@link #startServer(ConnectionHandler, String, int)} with {@code options}. */
    public static Future<Server> startServer(ConnectionHandler handler, String host, int port, StreamOptions options) {
        return Server.start(EventLoop.current(), handler, host, port, options);
    }

    /** The running task, or null [Python: {@code asyncio.current_task}]. */
    public static Task<?> currentTask() {
        EventLoop loop = EventLoop.running();
        return loop == null ? null : loop.currentTask();
    }

    /** The running loop's unfinished tasks [Python: {@code asyncio.all_tasks}]. */
    public static Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(EventLoop.current().pendingTasks()));
    }

    /**
     * The call graph of {@code future}: if it is a task, the {@code @Async} frames it is suspended
     * in; and, recursively, the tasks and futures awaiting it (a task suspended on it, a
     * {@code gather} or {@code shield} of it, the parent task of a {@link TaskGroup} it belongs to)
     * [Python 3.14: {@code asyncio.capture_call_graph}]. Call it on the future's loop thread.
     */
    public static FutureCallGraph captureCallGraph(Future<?> future) {
        return CallGraphs.capture(future);
    }

    /**
     * {@link #captureCallGraph} as text: a line per future, its call stack innermost first in
     * {@code at Class.method(File.java:line)} form, and its awaiters indented below it [Python 3.14:
     * {@code asyncio.format_call_graph}].
     */
    public static String formatCallGraph(Future<?> future) {
        return CallGraphs.format(captureCallGraph(future));
    }

    /** Prints {@link #formatCallGraph} to standard output [Python 3.14: {@code asyncio.print_call_graph}]. */
    public static void printCallGraph(Future<?> future) {
        printCallGraph(future, System.out);
    }

    /** Prints {@link #formatCallGraph} to {@code out}. */
    public static void printCallGraph(Future<?> future, java.io.PrintStream out) {
        out.print(formatCallGraph(future));
        out.flush();
    }
}
