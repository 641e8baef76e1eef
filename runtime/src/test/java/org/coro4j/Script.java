package org.coro4j;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A coroutine written as a list of steps, standing in for an {@code @Async} method in tests of the
 * runtime. It drives the same contract generated code uses: {@code awaitFuture},
 * {@code awaitCoroutine}, {@code awaitStage} and {@code resumeResult}.
 *
 * <pre>{@code
 * Coroutine<String> messenger = script(
 *         await(() -> sleep(1.0)),
 *         returning(() -> "A Message"));
 * }</pre>
 *
 * <p>Blocks nest like Java statements: {@link #tryCatch}, {@link #tryFinally}, {@link #ifElse} and
 * {@link #loopWhile} run their blocks with the usual semantics, and {@link #returning} inside a {@code try} runs the
 * {@code finally} block first.
 *
 * @param <T> the coroutine's result type
 */
final class Script<T> extends Continuation<T> {
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final String name;
    private Await suspendedAt;

    private Script(String name, List<Step> steps) {
        this.name = name;
        frames.push(new Frame(steps, Kind.BLOCK, null, null));
    }

    /** A coroutine running {@code steps} in order; its result is null unless a step returns one. */
    static <T> Coroutine<T> script(Step... steps) {
        return new Script<>("script", Arrays.asList(steps));
    }

    /** Like {@link #script(Step...)}, named {@code name} in {@link Task#getStack()}. */
    static <T> Coroutine<T> named(String name, Step... steps) {
        return new Script<>(name, Arrays.asList(steps));
    }

    /** Steps in order, for the blocks of {@link #tryCatch}, {@link #tryFinally}, {@link #ifElse} and {@link #loopWhile}. */
    static List<Step> block(Step... steps) {
        return Arrays.asList(steps);
    }

    /** {@code Await.on(awaitable.get())}: a future, a coroutine or a completion stage; the result is dropped. */
    static Step await(Supplier<?> awaitable) {
        return new Await(awaitable, result -> { });
    }

    /** {@code useResult.accept(Await.on(awaitable.get()))}. */
    static Step await(Supplier<?> awaitable, Consumer<Object> useResult) {
        return new Await(awaitable, useResult);
    }

    /** Runs {@code action}; an exception it throws propagates like one thrown by a coroutine body. */
    static Step run(Runnable action) {
        return new Run(action);
    }

    /** {@code return value.get()}. */
    static Step returning(Supplier<?> value) {
        return new Return(value);
    }

    /** {@code throw error.get()}. */
    static Step raise(Supplier<? extends Throwable> error) {
        return new Run(() -> {
            throw Sneaky.<RuntimeException>sneak(error.get());
        });
    }

    /** {@code try { body } catch (type e) { handler(e) }}. */
    static Step tryCatch(List<Step> body, Class<? extends Throwable> type, Function<Throwable, List<Step>> handler) {
        return new Try(body, type, handler, null);
    }

    /** {@code try { body } finally { cleanup }}. */
    static Step tryFinally(List<Step> body, List<Step> cleanup) {
        return new Try(body, null, null, cleanup);
    }

    /** {@code if (condition) { then } else { otherwise }}. */
    static Step ifElse(BooleanSupplier condition, List<Step> then, List<Step> otherwise) {
        return new If(condition, then, otherwise);
    }

    /** {@code while (condition) { body }}. */
    static Step loopWhile(BooleanSupplier condition, List<Step> body) {
        return new Loop(condition, body);
    }

    @Override
    protected Object invokeBody() {
        Abrupt abrupt = null;
        if (suspendedAt != null) {
            Await step = suspendedAt;
            suspendedAt = null;
            try {
                step.useResult.accept(resumeResult());
            } catch (Throwable e) {
                abrupt = Abrupt.thrown(e);
            }
        }
        label = 1;
        while (true) {
            if (abrupt != null) {
                abrupt = unwind(abrupt);
                if (abrupt != null) {
                    return abrupt.complete();
                }
                continue;
            }
            Frame frame = frames.peek();
            if (frame == null) {
                return null;
            }
            if (frame.next == frame.steps.size()) {
                frames.pop();
                abrupt = endNormally(frame);
                continue;
            }
            Step step = frame.steps.get(frame.next++);
            try {
                if (step instanceof Await await) {
                    Object result = awaitAny(await.awaitable.get());
                    if (result == SUSPENDED) {
                        suspendedAt = await;
                        return SUSPENDED;
                    }
                    await.useResult.accept(result);
                } else if (step instanceof Run run) {
                    run.action.run();
                } else if (step instanceof Return ret) {
                    abrupt = Abrupt.returned(ret.value.get());
                } else if (step instanceof Try attempt) {
                    frames.push(new Frame(attempt.body, Kind.TRY_BODY, attempt, null));
                } else if (step instanceof If choice) {
                    frames.push(new Frame(choice.condition.getAsBoolean() ? choice.then : choice.otherwise, Kind.BLOCK, choice, null));
                } else if (step instanceof Loop loop && loop.condition.getAsBoolean()) {
                    frames.push(new Frame(loop.body, Kind.LOOP_BODY, loop, null));
                }
            } catch (Throwable e) {
                abrupt = Abrupt.thrown(e);
            }
        }
    }

    @Override
    protected StackTraceElement stackTraceElement() {
        return new StackTraceElement("Script", name, null, -1);
    }

    private Object awaitAny(Object awaitable) {
        if (awaitable instanceof Future<?> future) {
            return awaitFuture(future, this, 1);
        }
        if (awaitable instanceof Coroutine<?> coroutine) {
            return awaitCoroutine(coroutine, this, 1);
        }
        if (awaitable instanceof CompletionStage<?> stage) {
            return awaitStage(stage, this, 1);
        }
        throw new IllegalArgumentException("not awaitable: " + awaitable);
    }

    /** A block ran to its end: starts what follows it (a finally block, the next loop round), or resumes an abrupt end. */
    private Abrupt endNormally(Frame frame) {
        switch (frame.kind) {
            case TRY_BODY, CATCH -> {
                Try attempt = (Try) frame.owner;
                if (attempt.cleanup != null) {
                    frames.push(new Frame(attempt.cleanup, Kind.FINALLY, attempt, null));
                }
            }
            case FINALLY -> {
                return frame.pending;
            }
            case LOOP_BODY -> {
                Loop loop = (Loop) frame.owner;
                if (loop.condition.getAsBoolean()) {
                    frames.push(new Frame(loop.body, Kind.LOOP_BODY, loop, null));
                }
            }
            case BLOCK -> {
            }
        }
        return null;
    }

    /** Pops blocks until a catch or finally block takes over {@code abrupt}; returns it if none does. */
    private Abrupt unwind(Abrupt abrupt) {
        while (!frames.isEmpty()) {
            Frame frame = frames.pop();
            if (frame.kind == Kind.TRY_BODY && abrupt.error != null && ((Try) frame.owner).catches(abrupt.error)) {
                Try attempt = (Try) frame.owner;
                frames.push(new Frame(attempt.handler.apply(abrupt.error), Kind.CATCH, attempt, null));
                return null;
            }
            if ((frame.kind == Kind.TRY_BODY || frame.kind == Kind.CATCH) && ((Try) frame.owner).cleanup != null) {
                frames.push(new Frame(((Try) frame.owner).cleanup, Kind.FINALLY, frame.owner, abrupt));
                return null;
            }
        }
        return abrupt;
    }

    /** One statement of a script. */
    sealed interface Step permits Await, Run, Return, Try, If, Loop {
    }

    private record Await(Supplier<?> awaitable, Consumer<Object> useResult) implements Step {
    }

    private record Run(Runnable action) implements Step {
    }

    private record Return(Supplier<?> value) implements Step {
    }

    private record Try(List<Step> body, Class<? extends Throwable> caught, Function<Throwable, List<Step>> handler,
                       List<Step> cleanup) implements Step {
        boolean catches(Throwable error) {
            return caught != null && caught.isInstance(error);
        }
    }

    private record If(BooleanSupplier condition, List<Step> then, List<Step> otherwise) implements Step {
    }

    private record Loop(BooleanSupplier condition, List<Step> body) implements Step {
    }

    private enum Kind { BLOCK, TRY_BODY, CATCH, FINALLY, LOOP_BODY }

    /** A block being run: its steps, the next one to run, and the statement it belongs to. */
    private static final class Frame {
        final List<Step> steps;
        final Kind kind;
        final Step owner;
        /** For a finally block entered by an abrupt end: that end, resumed when the block completes. */
        final Abrupt pending;
        int next;

        Frame(List<Step> steps, Kind kind, Step owner, Abrupt pending) {
            this.steps = steps;
            this.kind = kind;
            this.owner = owner;
            this.pending = pending;
        }
    }

    /** A {@code return} or a {@code throw} travelling out through the blocks. */
    private record Abrupt(Object value, Throwable error) {
        static Abrupt returned(Object value) {
            return new Abrupt(value, null);
        }

        static Abrupt thrown(Throwable error) {
            return new Abrupt(null, error);
        }

        Object complete() {
            if (error != null) {
                throw Sneaky.<RuntimeException>sneak(error);
            }
            return value;
        }
    }
}
