package org.coro4j;

/**
 * The coroutine {@link Asyncio#timeout} returns [Python: {@code async with asyncio.timeout(...)}]:
 * enters the {@link Timeout} in the task that runs it, awaits the body, then leaves the timeout.
 */
final class TimeoutScope<T> extends Continuation<T> {
    private static final int AWAITING_BODY = 1;

    private final Timeout timeout;
    private final AsyncFunction<Timeout, T> body;

    TimeoutScope(Timeout timeout, AsyncFunction<Timeout, T> body) {
        this.timeout = timeout;
        this.body = body;
    }

    @Override
    protected Object invokeBody() {
        Object result;
        Throwable failure = null;
        try {
            if (label == 0) {
                timeout.enter(task);
                result = awaitCoroutine(body.apply(timeout), this, AWAITING_BODY);
                if (result == SUSPENDED) {
                    return SUSPENDED;
                }
            } else {
                result = resumeResult();
            }
        } catch (Throwable e) {
            result = null;
            failure = e;
        }
        Throwable replacement = timeout.exit(failure);
        if (replacement != null) {
            throw Sneaky.<RuntimeException>sneak(replacement);
        }
        if (failure != null) {
            throw Sneaky.<RuntimeException>sneak(failure);
        }
        return result;
    }

    @Override
    protected StackTraceElement stackTraceElement() {
        return new StackTraceElement("org.coro4j.Asyncio", "timeout", null, -1);
    }
}
