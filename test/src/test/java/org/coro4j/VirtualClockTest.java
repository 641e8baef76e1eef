package org.coro4j;

import static org.coro4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link VirtualClock} driving a loop from plain test code, after kotlinx-coroutines-test's scheduler tests. */
class VirtualClockTest {
    private final EventLoop loop = EventLoop.withVirtualClock();
    private final VirtualClock clock = VirtualClock.of(loop);
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void close() {
        loop.close();
    }

    @Async
    private Coroutine<String> sleeper(double seconds, String name) {
        events.add(name + " started@" + clock.now());
        Await.on(sleep(seconds));
        events.add(name + " woke@" + clock.now());
        return Coroutine.of(name);
    }

    @Test
    void advanceByRunsEverythingDueUpToAndIncludingTheNewTimeThenStopsThere() {
        Task<String> one = loop.createTask(sleeper(1.0, "one"));
        Task<String> two = loop.createTask(sleeper(2.0, "two"));

        clock.advanceBy(1.0);
        assertEquals(List.of("one started@0.0", "two started@0.0", "one woke@1.0"), events);
        assertEquals(1.0, clock.now());
        assertTrue(one.isDone());
        assertFalse(two.isDone());

        clock.advanceBy(0.5);
        assertEquals(1.5, clock.now());
        assertFalse(two.isDone());
        assertEquals("two", loop.runUntilComplete(two));
        assertEquals(2.0, clock.now());
    }

    @Test
    void runCurrentRunsWhatIsReadyAndWhatThatMakesReadyWithoutMovingTime() {
        Task<String> task = loop.createTask(sleeper(0, "zero"));
        loop.callLater(0.1, () -> events.add("timer"));

        clock.runCurrent();

        assertEquals(List.of("zero started@0.0", "zero woke@0.0"), events);
        assertTrue(task.isDone());
        assertEquals(0.0, clock.now());
    }

    @Test
    void runUntilIdleMovesTimeThroughEveryTimer() {
        loop.createTask(sleeper(5.0, "five"));
        loop.callLater(3.0, () -> events.add("timer@" + clock.now()));

        clock.runUntilIdle();

        assertEquals(List.of("five started@0.0", "timer@3.0", "five woke@5.0"), events);
        assertEquals(5.0, clock.now());
    }

    @Test
    void cancelledTimersDoNotMoveTime() {
        loop.callLater(7.0, () -> events.add("never")).cancel();

        clock.runUntilIdle();

        assertEquals(List.of(), events);
        assertEquals(0.0, clock.now());
    }

    @Test
    void aWallClockLoopHasNoVirtualClock() {
        try (EventLoop wall = EventLoop.create()) {
            AsyncUsageException e = assertThrows(AsyncUsageException.class, () -> VirtualClock.of(wall));
            assertEquals("VirtualClock.of needs a loop made by EventLoop.withVirtualClock(), not a wall-clock loop", e.getMessage());
        }
    }

    @Test
    void timeOnlyMovesForward() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clock.advanceBy(-1));
        assertEquals("VirtualClock.advanceBy(-1.0): the time can only move forward", e.getMessage());
    }

    @Test
    void aClosedLoopCannotBeDriven() {
        loop.close();
        AsyncUsageException e = assertThrows(AsyncUsageException.class, clock::runCurrent);
        assertEquals("VirtualClock.runCurrent: the event loop is closed", e.getMessage());
    }
}
