package org.coro4j;

/**
 * A {@link Semaphore} that refuses to be released more times than it was acquired
 * [Python: {@code asyncio.BoundedSemaphore}].
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    /** Creates a semaphore with {@code value} permits, which is also its maximum. */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /** Returns a permit; throws {@link InvalidStateException} if every permit is already free. */
    @Override
    public void release() {
        if (value >= bound) {
            throw new InvalidStateException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
