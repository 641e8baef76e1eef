package org.coro4j;

/** The time source of one event loop: the wall clock, or a virtual clock that the loop advances. */
abstract class LoopClock {

    /** Seconds since an arbitrary origin; never decreases. */
    abstract double now();

    /** Whether the loop moves this clock itself instead of waiting. */
    abstract boolean isVirtual();

    /** Moves a virtual clock forward to {@code when}; the wall clock cannot be moved. */
    abstract void advanceTo(double when);

    static LoopClock wall() {
        return new Wall();
    }

    static LoopClock virtual() {
        return new Virtual();
    }

    /** {@link System#nanoTime()} in seconds. */
    private static final class Wall extends LoopClock {
        @Override
        double now() {
            return System.nanoTime() / 1e9;
        }

        @Override
        boolean isVirtual() {
            return false;
        }

        @Override
        void advanceTo(double when) {
            throw new IllegalStateException("the wall clock cannot be advanced");
        }
    }

    /** Starts at 0; moves only when the loop has nothing ready. */
    private static final class Virtual extends LoopClock {
        private double time;

        @Override
        double now() {
            return time;
        }

        @Override
        boolean isVirtual() {
            return true;
        }

        @Override
        void advanceTo(double when) {
            if (when > time) {
                time = when;
            }
        }
    }
}
