package org.coro4j;

/**
 * The deadline of one {@link Asyncio#timeout} or {@link Asyncio#timeoutAt} block
 * [Python: {@code asyncio.Timeout}]. When it passes, the task running the block is cancelled; the
 * block then throws {@link AsyncTimeoutException} unless the task was also cancelled by someone
 * else. The deadline is in loop time; {@link Double#POSITIVE_INFINITY} means none.
 */
public final class Timeout {
    private enum State { CREATED, ENTERED, EXPIRING, EXPIRED, EXITED }

    private double when;
    private State state = State.CREATED;
    private Task<?> task;
    private EventLoop loop;
    private int cancellingAtEntry;
    private Handle timer;

    Timeout(double when) {
        this.when = when;
    }

    /** The deadline in loop time, or {@link Double#POSITIVE_INFINITY} if there is none. */
    public double when() {
        return when;
    }

    /** Moves the deadline to loop time {@code when}; {@link Double#POSITIVE_INFINITY} removes it, NaN throws {@link IllegalArgumentException}. */
    public void reschedule(double when) {
        Arguments.deadline(when, "Timeout.reschedule");
        if (state != State.ENTERED) {
            throw new InvalidStateException(state == State.CREATED
                    ? "Timeout has not been entered"
                    : "Cannot change state of " + state.name().toLowerCase() + " Timeout");
        }
        this.when = when;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (when == Double.POSITIVE_INFINITY) {
            return;
        }
        timer = when <= loop.time() ? loop.callSoon(this::expire) : loop.callAt(when, this::expire);
    }

    /** Whether the deadline passed and the block was cancelled because of it. */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    @Override
    public String toString() {
        return "Timeout<" + state.name().toLowerCase() + " when=" + when + ">";
    }

    void enter(Task<?> owner) {
        if (state != State.CREATED) {
            throw new InvalidStateException("Timeout has already been entered");
        }
        state = State.ENTERED;
        task = owner;
        loop = owner.loop();
        cancellingAtEntry = owner.cancelling();
        reschedule(when);
    }

    /**
     * Leaves the block that ended with {@code failure} (null if it returned); returns the exception
     * the block throws instead, or null to keep its outcome.
     */
    Throwable exit(Throwable failure) {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && failure instanceof CancelledException) {
                AsyncTimeoutException timeout = new AsyncTimeoutException("timeout: the deadline " + when + " (loop time) passed");
                timeout.initCause(failure);
                return timeout;
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return null;
    }

    private void expire() {
        timer = null;
        task.cancel();
        state = State.EXPIRING;
    }
}
