package org.coro4j;

/**
 * Lets {@code parties} tasks wait until all of them have arrived [Python 3.11: {@code asyncio.Barrier}].
 * Each {@link #await()} counts one arrival; when the last party arrives, every waiting task is
 * released with its arrival index (0 for the first) and the barrier fills again for the next round.
 * A waiter cancelled before the round completes leaves it. {@link #abort()} breaks the barrier:
 * waiting and later {@code await()}s throw {@link BrokenBarrierException} until {@link #reset()}.
 */
public final class Barrier {
    private final int parties;
    private final WaiterQueue<Integer> waiters = new WaiterQueue<>(released -> { });
    private boolean broken;

    /** A barrier for {@code parties} tasks; {@code parties} must be at least 1. */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("Barrier: parties must be >= 1, not " + parties);
        }
        this.parties = parties;
    }

    /**
     * A future of this task's arrival index, done when the last party arrives; throws
     * {@link BrokenBarrierException} at once if the barrier is broken, and the future fails with it
     * if the barrier is aborted or reset meanwhile [Python: {@code Barrier.wait()}].
     */
    public Future<Integer> await() {
        EventLoop loop = EventLoop.current();
        if (broken) {
            throw new BrokenBarrierException("Barrier aborted");
        }
        int index = waiters.size();
        if (index + 1 < parties) {
            return waiters.add(loop, null);
        }
        for (int i = 0; i < index; i++) {
            waiters.poll().complete(i);
        }
        return Future.completed(loop, index);
    }

    /**
     * Returns the barrier to its empty, unbroken state; tasks waiting fail with
     * {@link BrokenBarrierException}. Takes effect at once; the future is done
     * [Python: {@code Barrier.reset()}].
     */
    public Future<Void> reset() {
        EventLoop loop = EventLoop.current();
        breakWaiters("Abort or reset of barrier");
        broken = false;
        return Future.completed(loop, null);
    }

    /**
     * Breaks the barrier: tasks waiting, and every later {@link #await()} until {@link #reset()},
     * fail with {@link BrokenBarrierException}. Takes effect at once; the future is done
     * [Python: {@code Barrier.abort()}].
     */
    public Future<Void> abort() {
        EventLoop loop = EventLoop.current();
        broken = true;
        breakWaiters("Abort or reset of barrier");
        return Future.completed(loop, null);
    }

    /** How many tasks must arrive to release the barrier. */
    public int parties() {
        return parties;
    }

    /** How many tasks wait for the current round [Python: {@code n_waiting}]. */
    public int nWaiting() {
        return waiters.size();
    }

    /** Whether the barrier was aborted and not reset since [Python: {@code broken}]. */
    public boolean isBroken() {
        return broken;
    }

    @Override
    public String toString() {
        return "Barrier<" + (broken ? "broken" : "filling") + " waiters=" + waiters.size() + "/" + parties + ">";
    }

    private void breakWaiters(String message) {
        Waiter<Integer> waiter;
        while ((waiter = waiters.poll()) != null) {
            waiter.fail(new BrokenBarrierException(message));
        }
    }
}
