package org.coro4j;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Lets {@code parties} tasks wait until all of them have arrived [Python 3.11: {@code asyncio.Barrier}].
 * Each {@link #await()} counts one arrival; when the last party arrives, the barrier drains: every
 * waiting task is woken and passes with its arrival index (0 for the first). A task arriving while
 * it drains waits for the next round, which begins once the last woken task has passed.
 *
 * <p>The barrier is in one of four states, as asyncio's: <em>filling</em> (tasks arrive and wait),
 * <em>draining</em> (the round is complete and its tasks are passing), <em>resetting</em>
 * ({@link #reset()} came while tasks were in the barrier: they fail with
 * {@link BrokenBarrierException}, and the barrier fills again once they have all left) and
 * <em>broken</em> ({@link #abort()}: tasks in the barrier and every later arrival fail, until
 * {@link #reset()}). A woken task takes its outcome when it resumes: one woken by the last arrival
 * but resuming after a {@code reset()} or {@code abort()} fails too. A waiting task cancelled
 * leaves the barrier at once.
 */
public final class Barrier {
    private static final String ABORTED = "Barrier aborted";
    private static final String BROKEN_WHILE_IN_IT = "Abort or reset of barrier";

    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final int parties;
    private State state = State.FILLING;
    /** The tasks in the barrier: arrived in this round (or the one draining) and not passed yet [Python: {@code _count}]. */
    private int count;
    /** The tasks waiting for the round to fill, first arrived first. */
    private final ArrayDeque<BarrierWait> waiting = new ArrayDeque<>();
    /** The tasks that arrived while the barrier drained or reset; they arrive again once it fills. */
    private final ArrayDeque<BarrierWait> heldBack = new ArrayDeque<>();

    /** A barrier for {@code parties} tasks; {@code parties} must be at least 1. */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("Barrier: parties must be >= 1, not " + parties);
        }
        this.parties = parties;
    }

    /**
     * A future of this task's arrival index, done when the last party arrives (at once for the last
     * party itself). Throws {@link BrokenBarrierException} at once if the barrier is broken; the
     * future fails with it if the barrier is aborted or reset before the task has passed
     * [Python: {@code Barrier.wait()}]. While the barrier drains or resets, the task waits for it
     * to fill again before it arrives.
     */
    public Future<Integer> await() {
        EventLoop loop = EventLoop.current();
        if (state == State.BROKEN) {
            throw new BrokenBarrierException(ABORTED);
        }
        if (state == State.FILLING && count + 1 == parties) {
            return Future.completed(loop, completeRound());
        }
        BarrierWait arrival = new BarrierWait(loop, this, loop.currentTask());
        if (state == State.FILLING) {
            enterRound(arrival);
        } else {
            heldBack.add(arrival);
        }
        return arrival;
    }

    /**
     * Returns the barrier to filling: if tasks are in it, it is resetting until they have left,
     * each failing with {@link BrokenBarrierException}; tasks held back meanwhile arrive in the
     * new round. Takes effect at once; the future is done [Python: {@code Barrier.reset()}].
     */
    public Future<Void> reset() {
        EventLoop loop = EventLoop.current();
        if (count > 0) {
            state = State.RESETTING;
            wakeWaiting();
        } else {
            state = State.FILLING;
            readmitHeldBack();
        }
        return Future.completed(loop, null);
    }

    /**
     * Breaks the barrier: tasks in it, and every later {@link #await()} until {@link #reset()},
     * fail with {@link BrokenBarrierException}. Takes effect at once; the future is done
     * [Python: {@code Barrier.abort()}].
     */
    public Future<Void> abort() {
        EventLoop loop = EventLoop.current();
        state = State.BROKEN;
        wakeWaiting();
        readmitHeldBack();
        return Future.completed(loop, null);
    }

    /** How many tasks must arrive to release the barrier [Python: {@code parties}]. */
    public int parties() {
        return parties;
    }

    /** How many tasks wait for the round to fill; 0 unless the barrier is filling [Python: {@code n_waiting}]. */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /** Whether the barrier was aborted and not reset since [Python: {@code broken}]. */
    public boolean isBroken() {
        return state == State.BROKEN;
    }

    /**
     * The state and, unless broken, the waiting tasks: {@code Barrier<filling waiters=2/5>},
     * {@code Barrier<draining waiters=0/5>}, {@code Barrier<broken>} [Python: {@code Barrier.__repr__}].
     */
    @Override
    public String toString() {
        String name = state.name().toLowerCase(Locale.ROOT);
        return state == State.BROKEN ? "Barrier<" + name + ">" : "Barrier<" + name + " waiters=" + nWaiting() + "/" + parties + ">";
    }

    /** The last party arrives: the barrier drains, waking the waiting tasks, and this party passes at once; its index. */
    private int completeRound() {
        int index = count++;
        state = State.DRAINING;
        wakeWaiting();
        leave();
        return index;
    }

    private void enterRound(BarrierWait arrival) {
        arrival.entered(count++);
        waiting.add(arrival);
    }

    /** The barrier left filling: every waiting task is woken, and passes or fails as the state is when it resumes. */
    private void wakeWaiting() {
        BarrierWait arrival;
        while ((arrival = waiting.poll()) != null) {
            arrival.woken();
        }
    }

    /** The barrier fills again or broke: each held-back task arrives again in its turn on the loop. */
    private void readmitHeldBack() {
        BarrierWait arrival;
        while ((arrival = heldBack.poll()) != null) {
            BarrierWait again = arrival;
            again.loop().callSoon(() -> arriveAgain(again));
        }
    }

    /** A held-back task arrives again, in the state the barrier is in now. */
    private void arriveAgain(BarrierWait arrival) {
        if (arrival.isDone()) {
            return;
        }
        switch (state) {
            case BROKEN -> arrival.fail(new BrokenBarrierException(ABORTED));
            case DRAINING, RESETTING -> heldBack.add(arrival);
            case FILLING -> {
                if (count + 1 == parties) {
                    arrival.complete(completeRound());
                } else {
                    enterRound(arrival);
                }
            }
        }
    }

    /** A woken task passes: its index if the round is draining, else the failure; it leaves the barrier. */
    void pass(BarrierWait arrival) {
        boolean released = state == State.DRAINING;
        leave();
        if (released) {
            arrival.complete(arrival.index());
        } else {
            arrival.fail(new BrokenBarrierException(BROKEN_WHILE_IN_IT));
        }
    }

    /** {@code arrival}, cancelled, leaves the barrier, or the tasks held back. */
    void leaveCancelled(BarrierWait arrival) {
        if (heldBack.remove(arrival) || !arrival.hasEntered()) {
            return;
        }
        waiting.remove(arrival);
        leave();
    }

    /** One task leaves; the last to leave a drained or reset round makes the barrier fill again. */
    private void leave() {
        count--;
        if (count == 0 && (state == State.DRAINING || state == State.RESETTING)) {
            state = State.FILLING;
            readmitHeldBack();
        }
    }
}
