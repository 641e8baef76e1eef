package org.coro4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The contract between instrumented code and the runtime; not for use in hand-written code.
 *
 * <p>The instrumenter turns each coroutine method into a subclass of this class (the continuation:
 * fields typed exactly as the values it keeps across suspensions, shared between suspension points)
 * and a body method in the original class whose first parameter is the continuation. Calling the
 * coroutine method only allocates the continuation and stores the arguments in it. The body starts
 * with a switch on {@link #label}; at each {@code Await.on} site it calls {@link #awaitFuture},
 * {@link #awaitCoroutine} or {@link #awaitStage} with the continuation and the site's number. When
 * that returns {@link #SUSPENDED} it has set {@code label} to the number, and the body stores the
 * values live there in the continuation and returns {@code SUSPENDED}; otherwise the returned value
 * is the await's result and nothing was allocated. When the task resumes the continuation, the body
 * jumps to the site and reloads those values; then either it calls {@link #resumeResult}, or it
 * calls the site's await method again with a null awaitable and label 0, which does the same:
 * either returns the awaited value or throws its exception.
 * <p>A coroutine method of the same class awaited where it is called ({@code Await.on(m(args))}) can
 * be called directly instead: its direct body, a second copy of its body that takes the arguments,
 * runs without a continuation until it first suspends. It allocates its continuation there (see
 * {@link #adopt}), saves its values in it as the body would, and the continuation resumes through the
 * body. Its caller, if direct too, does the same, and the frames are linked on the way out
 * ({@link #unwound}, {@link #enteredDirect}). Direct calls count their depth on the Java stack in a
 * parameter ({@link #directDepth}).
 *
 * <p>A body that finishes returns its result: the instrumenter turns {@code return Coroutine.of(v)}
 * into {@code return v}, {@code return Coroutine.done()} into {@code return null}, and any other
 * {@code return c} into {@code return Await.on(c)}. [Python: the frame of a suspended coroutine
 * object, resumed by {@code coro.send()} and {@code coro.throw()}.]
 *
 * @param <T> the coroutine's result type
 */
public abstract class Continuation<T> extends Coroutine<T> {
    /** Returned by the await methods and by a body that suspended. */
    public static final Object SUSPENDED = new Object() {
        @Override
        public String toString() {
            return "SUSPENDED";
        }
    };

    /** Coroutines awaited inside each other run on the Java stack up to this depth. */
    private static final int MAX_INLINE_DEPTH = 64;
    /** What {@link #depthOf} gives while coroutine origins are tracked: past the limit, so no direct body runs. */
    private static final int UNTRACKED_CALL = Integer.MAX_VALUE;

    /** The suspension point to resume at; 0 before the body has started. Written by the body. */
    public int label;

    /**
     * For a coroutine awaited inside a task, the continuation that awaits it; linked only if it
     * suspends (a coroutine awaited on the Java stack needs no link), so null while it runs there.
     * For a task's own coroutine, which has no caller, the task before its task in the loop's list
     * of pending tasks ({@link EventLoop#register}), or null: the field every task's coroutine has
     * holds the link the task would otherwise need a field of its own for. See {@link #caller()}.
     */
    Object link;
    /**
     * The task running this coroutine; set when it starts, so non-null means started. The task also
     * keeps what a continuation needs only while it runs (the inline depth, the awaited value being
     * delivered), so that a suspended continuation holds nothing but its label, links and kept values.
     */
    Task<?> task;

    /** Creates a continuation; the instrumenter's generated subclasses call this. */
    protected Continuation() {
        if (CoroutineOrigins.tracking) {
            CoroutineOrigins.created(this);
        }
    }

    /** The continuation that awaits this one, or null if there is none (a task's own coroutine, or one not linked). */
    final Continuation<?> caller() {
        return link instanceof Continuation<?> caller ? caller : null;
    }

    /** Runs the body from {@link #label}: returns the result, {@link #SUSPENDED}, or throws. */
    protected abstract Object invokeBody();

    /**
     * Where this continuation is suspended, for {@link Task#getStack()}. Generated continuations override it with
     * the coroutine method's name and the source line of the current suspension point.
     */
    protected StackTraceElement stackTraceElement() {
        return new StackTraceElement(getClass().getName(), "invokeBody", null, -1);
    }

    /**
     * For generated {@link #stackTraceElement()}s: the line of {@code label} in {@code lines}, the
     * comma-separated source lines of the method's start and of each suspension point.
     */
    protected static int lineAt(String lines, int label) {
        String[] each = lines.split(",");
        return label < each.length ? Integer.parseInt(each[label]) : -1;
    }

    /**
     * {@code Await.on(Future)} at suspension point {@code label} of {@code awaiting}: the result if
     * {@code future} is done; else {@code awaiting} suspends there (its {@link #label} is set) and
     * this returns {@link #SUSPENDED}. A body resuming at the point calls this again with a null
     * future and label 0: the result is then the awaited value, or the awaited exception is thrown.
     */
    public static Object awaitFuture(Future<?> future, Continuation<?> awaiting, int label) {
        if (future == null) {
            return awaiting.resumedOrThrow(label, "Await.on((Future<?>) null): a null future was awaited;"
                    + " a method that should return a Future returned null");
        }
        if (future.isDone()) {
            return future.resultForAwait();
        }
        awaiting.label = label;
        awaiting.task.suspendOn(awaiting, future);
        return SUSPENDED;
    }

    /**
     * {@code Await.on(Coroutine)} at suspension point {@code label} of {@code awaiting}: runs
     * {@code coroutine} in the same task; its result, or {@link #SUSPENDED} if it suspended (then
     * {@code awaiting} is suspended there). Resuming: as {@link #awaitFuture}.
     */
    public static Object awaitCoroutine(Coroutine<?> coroutine, Continuation<?> awaiting, int label) {
        return awaitCoroutineAt(coroutine, awaiting, label, awaiting.task.inlineDepth);
    }

    /**
     * {@code Await.on(CompletionStage)} at suspension point {@code label} of {@code awaiting}: the
     * result if {@code stage} is complete, else as {@link #awaitFuture} on a future completed with it.
     */
    public static Object awaitStage(CompletionStage<?> stage, Continuation<?> awaiting, int label) {
        if (stage == null) {
            return awaiting.resumedOrThrow(label, "Await.on((CompletionStage<?>) null): a null CompletionStage was awaited;"
                    + " a method that should return a CompletableFuture or CompletionStage returned null");
        }
        // a CompletableFuture is its own toCompletableFuture(); a minimal stage answers isDone() only through a copy
        CompletableFuture<?> completable = stage.toCompletableFuture();
        if (completable.isDone() && !completable.isCompletedExceptionally()) {
            return completable.join();
        }
        return awaitFuture(Future.fromStage(stage, awaiting.task.loop()), awaiting, label);
    }

    /**
     * What {@code Await.on(Asyncio.sleep(seconds))} awaits where only the await sees the future
     * {@code sleep} returns: the instrumenter calls this in place of {@code sleep} there. For a
     * delay of 0 or less, {@link YieldFuture#UNSEEN}, on which the awaiting task yields once as on
     * a future of its own, with nothing allocated and no loop looked up [Python: the bare yield
     * inside {@code asyncio.sleep(0)}]; else, and for NaN, what {@code sleep(seconds)} returns or
     * throws.
     */
    public static Future<Void> sleepAwaited(double seconds) {
        return seconds <= 0 ? YieldFuture.UNSEEN : Asyncio.sleep(seconds);
    }

    /** As {@link #sleepAwaited(double)}, in place of {@code Asyncio.sleep(duration)}. */
    public static Future<Void> sleepAwaited(Duration duration) {
        return sleepAwaited(Asyncio.seconds(duration));
    }

    /**
     * Called instead of {@code event.await()} where the call is followed at once by the
     * {@code Await.on} that takes its future, so that nothing else can see it: the event's waiters
     * then share one future instead of one each ({@link Event#awaitUnseen()}).
     */
    public static Future<Void> eventAwaited(Event event) {
        if (event == null) {
            throw new NullPointerException("Cannot invoke \"org.coro4j.Event.await()\": the event is null");
        }
        return event.awaitUnseen();
    }

    /**
     * The depth of a direct body called by a frame at {@code callerDepth}, or -1 if it must run as a
     * coroutine instead: at the inline depth limit, or when {@link #depthOf} said so. Called first by
     * every direct body.
     */
    public static int directDepth(int callerDepth) {
        return callerDepth < MAX_INLINE_DEPTH ? callerDepth + 1 : -1;
    }

    /**
     * The depth on the Java stack of the running frame {@code awaiting}, for a direct call it makes;
     * {@link #UNTRACKED_CALL} while coroutine origins are tracked, as a direct call creates no
     * coroutine to track. Only here does a chain of direct calls begin, so only here is the tracking
     * read: a direct body reads no shared field.
     */
    public static int depthOf(Continuation<?> awaiting) {
        return CoroutineOrigins.tracking ? UNTRACKED_CALL : awaiting.task.inlineDepth;
    }

    /**
     * What a direct body that {@link #directDepth} sent back returns instead: {@code coroutine}, made by
     * the coroutine method, awaited by the direct body's caller, which has no frame yet. At the depth
     * limit the step loop starts it; else it runs here, at the caller's depth plus one (the depth of
     * {@code anchor}, whose direct call this is, if {@code callerDepth} is {@link #UNTRACKED_CALL}). If
     * it suspends, its frame waits for the caller's to link it ({@link #unwound}).
     */
    public static Object awaitAsCoroutine(Coroutine<?> coroutine, Continuation<?> anchor, int callerDepth) {
        Continuation<?> callee = (Continuation<?>) coroutine;
        int depth = callerDepth == UNTRACKED_CALL ? anchor.task.inlineDepth : callerDepth;
        Object result = run(callee, anchor.task, depth);
        if (result == SUSPENDED) {
            anchor.task.loop().unlinked = callee;
        }
        return result;
    }

    /**
     * {@code Await.on(Coroutine)} at suspension point {@code label} of a direct body's frame
     * {@code awaiting}, whose depth on the Java stack is {@code depth}: as {@link #awaitCoroutine}.
     */
    public static Object awaitCoroutineAt(Coroutine<?> coroutine, Continuation<?> awaiting, int label, int depth) {
        if (coroutine == null) {
            return awaiting.resumedOrThrow(label, "Await.on(null): a coroutine method returned null instead of"
                    + " Coroutine.of(value) or Coroutine.done(), or a null coroutine was awaited");
        }
        Continuation<?> callee = (Continuation<?>) coroutine;
        Object result = run(callee, awaiting.task, depth);
        if (result == SUSPENDED) {
            // Linked only now: nothing walks the chain while the callee runs on the Java stack.
            awaiting.label = label;
            callee.link = awaiting;
        }
        return result;
    }

    /**
     * Starts {@code callee} in {@code owner}, awaited by a frame at depth {@code callerDepth}: at the
     * inline depth limit the step loop runs it (and this returns {@link #SUSPENDED}); else its body
     * runs here, one level deeper.
     */
    private static Object run(Continuation<?> callee, Task<?> owner, int callerDepth) {
        callee.start(owner);
        if (callerDepth >= MAX_INLINE_DEPTH) {
            owner.trampoline(callee);
            return SUSPENDED;
        }
        byte kept = owner.inlineDepth;
        owner.inlineDepth = (byte) (callerDepth + 1);
        try {
            return callee.invokeBody();
        } finally {
            owner.inlineDepth = kept;
        }
    }

    /**
     * Makes {@code frame}, just allocated by a direct body that is about to await or to suspend, the
     * frame of a coroutine running in {@code anchor}'s task.
     */
    public static void adopt(Continuation<?> frame, Continuation<?> anchor) {
        frame.start(anchor.task);
    }

    /**
     * Called by a direct body as it returns {@link #SUSPENDED}, its values saved in {@code frame}:
     * the frame of the direct call it made, if that suspended first, is linked to {@code frame}, and
     * {@code frame} waits for its own caller's to link it. Frames of direct calls are allocated
     * innermost first, so each is linked by the next one out, and the last by {@link #enteredDirect}.
     */
    public static void unwound(Continuation<?> frame) {
        EventLoop loop = frame.task.loop();
        Continuation<?> callee = loop.unlinked;
        if (callee != null) {
            callee.link = frame;
        }
        loop.unlinked = frame;
    }

    /**
     * The outcome of a direct call that {@code awaiting} made at suspension point {@code label}: the
     * result, or {@link #SUSPENDED}, in which case {@code awaiting} is suspended there, awaiting the
     * outermost frame the call allocated.
     */
    public static Object enteredDirect(Object result, Continuation<?> awaiting, int label) {
        if (result == SUSPENDED) {
            EventLoop loop = awaiting.task.loop();
            loop.unlinked.link = awaiting;
            loop.unlinked = null;
            awaiting.label = label;
        }
        return result;
    }

    /** A null awaitable: label 0 is a body resuming at its suspension point, any other label a null awaited. */
    private Object resumedOrThrow(int label, String nullAwaited) {
        if (label == 0) {
            return resumeResult();
        }
        throw new NullPointerException(nullAwaited);
    }

    /** The awaited value delivered at resumption; throws the awaited exception instead if there is one. */
    public final Object resumeResult() {
        Object value = task.takeResumed();
        if (value instanceof Failure failure) {
            throw Sneaky.<RuntimeException>sneak(failure.error);
        }
        return value;
    }

    /** Claims this coroutine for {@code owner}; a coroutine runs only once. */
    final void start(Task<?> owner) {
        if (task != null) {
            throw new InvalidStateException("coroutine " + this + " was already started; a coroutine can be awaited or wrapped in a task only once");
        }
        task = owner;
        if (CoroutineOrigins.tracking) {
            CoroutineOrigins.started(this);
        }
    }

    /** Runs or resumes the body with the given awaited outcome; returns the result or {@link #SUSPENDED}. */
    final Object resume(Object value, Throwable error) {
        if (label == 0 && error != null) {
            throw Sneaky.<RuntimeException>sneak(error);
        }
        task.resumeWith(error != null ? new Failure(error) : value);
        return invokeBody();
    }

    /** An awaited exception on its way to {@link #resumeResult()}; only failures pay for this box. */
    private static final class Failure {
        final Throwable error;

        Failure(Throwable error) {
            this.error = error;
        }
    }
}
