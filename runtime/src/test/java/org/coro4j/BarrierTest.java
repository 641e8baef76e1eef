package org.coro4j;

import static org.coro4j.Script.await;
import static org.coro4j.Script.block;
import static org.coro4j.Script.ifElse;
import static org.coro4j.Script.raise;
import static org.coro4j.Script.returning;
import static org.coro4j.Script.script;
import static org.coro4j.Script.tryCatch;
import static org.coro4j.Script.tryFinally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Barrier}, with ports of CPython's test_locks.py BarrierTests. */
class BarrierTest extends VirtualLoopTest {
    /** The parties of most ports [Python: {@code self.N}]. */
    private static final int N = 5;
    private final List<Object> results = new ArrayList<>();
    private final List<Object> results2 = new ArrayList<>();
    private final List<Object> results3 = new ArrayList<>();
    /** What the tasks of {@link #runGatherTasks} returned [Python: {@code res} of {@code gather_tasks}]. */
    private final List<Object> gathered = new ArrayList<>();
    /** The tasks a port creates [Python: {@code make_tasks}]. */
    private final List<Task<Object>> tasks = new ArrayList<>();
    /** A counter the coroutines of a port share [Python: {@code nonlocal count}]. */
    private int count;

    /** A task that waits at {@code barrier} and records its index, or {@code broken}. */
    private Task<Object> party(Barrier barrier) {
        return loop.createTask(script(tryCatch(
                block(await(barrier::await, results::add)),
                BrokenBarrierException.class,
                e -> block(Script.run(() -> results.add("broken: " + e.getMessage()))))));
    }

    private void runBriefly() {
        runMain(script(sleep0(), sleep0()));
    }

    private static Script.Step sleep0() {
        return await(() -> Asyncio.sleep(0));
    }

    /** Creates {@code n} tasks of {@code coroutine} into {@link #tasks} [Python: {@code make_tasks}]. */
    private Script.Step makeTasks(int n, Supplier<Coroutine<Object>> coroutine) {
        return Script.run(() -> {
            for (int i = 0; i < n; i++) {
                tasks.add(loop.createTask(coroutine.get()));
            }
        });
    }

    /** Awaits every task in {@link #tasks} [Python: {@code asyncio.gather(*tasks)}]. */
    private Script.Step gatherTasks() {
        return await(() -> Asyncio.gather(new ArrayList<>(tasks)));
    }

    /** Makes {@code n} tasks of {@code coroutine} and awaits them all, their results into {@link #gathered} [Python: {@code gather_tasks}]. */
    private void runGatherTasks(int n, Supplier<Coroutine<Object>> coroutine) {
        runMain(script(makeTasks(n, coroutine), await(() -> Asyncio.gather(new ArrayList<>(tasks)), list -> gathered.addAll((List<?>) list))));
    }

    /**
     * Runs {@code call} on a barrier of one party in a task of its own, from a main task that then
     * yields once [Python: {@code create_task(...); await sleep(0)}]; checks what the barrier is then.
     */
    private void assertAnEmptyBarrierAfter(Function<Barrier, Future<Void>> call, boolean broken, String shown) {
        Barrier barrier = new Barrier(1);
        runMain(script(Script.run(() -> loop.createTask(script(await(() -> call.apply(barrier))))), sleep0()));
        assertEquals(0, barrier.nWaiting());
        assertEquals(broken, barrier.isBroken());
        assertEquals(shown, barrier.toString());
    }

    /** A coroutine returning what {@code barrier.await()} gave. */
    private static Coroutine<Object> waitReturningIndex(Barrier barrier) {
        Object[] index = new Object[1];
        return script(await(barrier::await, v -> index[0] = v), returning(() -> index[0]));
    }

    /**
     * {@code try { await barrier.await() } catch (BrokenBarrierException e) { onBroken } else { passed }}
     * [Python: {@code try: await barrier.wait() except BrokenBarrierError: ... else: ...}].
     */
    private static Coroutine<Object> waitExceptElse(Barrier barrier, Function<Throwable, List<Script.Step>> onBroken,
            Script.Step... passed) {
        boolean[] hasPassed = new boolean[1];
        return script(tryCatch(block(await(barrier::await), Script.run(() -> hasPassed[0] = true)), BrokenBarrierException.class, onBroken),
                when(() -> hasPassed[0], passed));
    }

    /** A step doing {@code action} when {@code condition} holds. */
    private static Script.Step when(BooleanSupplier condition, Script.Step... action) {
        return ifElse(condition, block(action), block());
    }

    private static Script.Step add(List<Object> list, Object value) {
        return Script.run(() -> list.add(value));
    }

    // Port of test_locks.py BarrierTests.test_barrier (a Barrier is not awaitable in Java, so only its state applies)
    @Test
    void aNewBarrierIsFilling() {
        assertEquals("Barrier<filling waiters=0/5>", new Barrier(N).toString());
    }

    // Port of test_locks.py BarrierTests.test_repr
    @Test
    void toStringShowsEachStateAndTheWaiters() {
        Barrier barrier = new Barrier(N);
        List<String> shown = new ArrayList<>();
        Supplier<Coroutine<Object>> wait = () -> waitReturningIndex(barrier);
        Script.Step show = Script.run(() -> shown.add(barrier.toString()));
        runMain(script(
                show,
                makeTasks(2, wait), sleep0(), show,
                Script.run(() -> {
                    for (int i = barrier.parties() - barrier.nWaiting(); i > 0; i--) {
                        tasks.add(loop.createTask(wait.get()));
                    }
                }),
                sleep0(), show,
                makeTasks(2, wait), sleep0(), await(barrier::reset), show,
                makeTasks(2, wait), sleep0(), await(barrier::abort), show,
                await(() -> Asyncio.gather(true, new ArrayList<>(tasks)), list -> results.addAll((List<?>) list))));
        assertEquals(List.of("Barrier<filling waiters=0/5>", "Barrier<filling waiters=2/5>", "Barrier<draining waiters=0/5>",
                "Barrier<resetting waiters=0/5>", "Barrier<broken>"), shown);
        assertTrue(barrier.isBroken());
        assertEquals(Set.of(0, 1, 2, 3, 4), new TreeSet<>(results.subList(0, 5)));
        for (Object failure : results.subList(5, 9)) {
            assertEquals("Abort or reset of barrier", assertInstanceOf(BrokenBarrierException.class, failure).getMessage());
        }
    }

    // Port of test_locks.py BarrierTests.test_barrier_parties
    @Test
    void partiesMustBePositive() {
        assertEquals("Barrier: parties must be >= 1, not 0", assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Barrier(-4));
        assertEquals(5, new Barrier(5).parties());
    }

    // Port of test_locks.py BarrierTests.test_context_manager (Java has no async with: the body follows the await)
    @Test
    void everyPartyOfOneRoundGetsADistinctIndex() {
        Barrier barrier = new Barrier(3);
        runGatherTasks(3, () -> script(await(barrier::await, results::add)));
        assertEquals(List.of(0, 1, 2), results.stream().sorted().collect(Collectors.toList()));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_filling_one_task
    @Test
    void oneLatePartyReleasesTheBarrierAtOnce() {
        Barrier barrier = new Barrier(1);
        runMain(script(await(barrier::await, results::add)));
        assertEquals(List.of(0), results);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_filling_one_task_twice
    @Test
    void aBarrierOfOnePartyPassesEachTaskWithIndexZero() {
        Barrier barrier = new Barrier(1);
        runMain(script(
                Script.run(() -> tasks.add(loop.createTask(waitReturningIndex(barrier)))),
                sleep0(),
                Script.run(() -> assertEquals(0, barrier.nWaiting())),
                Script.run(() -> tasks.add(loop.createTask(waitReturningIndex(barrier)))),
                sleep0(),
                Script.run(() -> {
                    assertEquals(tasks.get(0).result(), tasks.get(1).result());
                    assertEquals(0, tasks.get(0).result());
                    assertEquals(tasks.get(0).isDone(), tasks.get(1).isDone());
                })));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_filling_task_by_task
    @Test
    void theWaitingCountGrowsWithEachArrival() {
        Barrier barrier = new Barrier(3);
        Supplier<Coroutine<Object>> wait = () -> script(await(barrier::await));
        runMain(script(
                makeTasks(1, wait), sleep0(),
                Script.run(() -> assertEquals("Barrier<filling waiters=1/3>", barrier.toString())),
                makeTasks(1, wait), sleep0(),
                Script.run(() -> assertEquals("Barrier<filling waiters=2/3>", barrier.toString())),
                makeTasks(1, wait), sleep0(),
                await(() -> Asyncio.wait(new ArrayList<>(tasks), ReturnWhen.ALL_COMPLETED))));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
        assertTrue(tasks.stream().allMatch(Task::isDone));
    }

    // The same, with tasks created outside the loop and run a little at a time.
    @Test
    void eachArrivalCountsAsWaiting() {
        Barrier barrier = new Barrier(3);
        party(barrier);
        runBriefly();
        assertEquals(1, barrier.nWaiting());
        party(barrier);
        runBriefly();
        assertEquals(2, barrier.nWaiting());
        party(barrier);
        runBriefly();
        assertEquals(0, barrier.nWaiting());
        assertEquals(3, results.size());
    }

    // Port of test_locks.py BarrierTests.test_filling_tasks_wait_twice
    @Test
    void theSameTasksPassTwoRounds() {
        Barrier barrier = new Barrier(N);
        runGatherTasks(N, () -> script(await(barrier::await), add(results, true), await(barrier::await), add(results, false)));
        assertEquals(2 * N, results.size());
        assertEquals(N, Collections.frequency(results, true));
        assertEquals(N, Collections.frequency(results, false));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_filling_tasks_check_return_value
    @Test
    void theSecondRoundGivesEveryIndexAgain() {
        Barrier barrier = new Barrier(N);
        runGatherTasks(N, () -> {
            Object[] index = new Object[1];
            return script(await(barrier::await), add(results, true), await(barrier::await, v -> index[0] = v), add(results3, true),
                    returning(() -> index[0]));
        });
        assertEquals(Collections.nCopies(N, true), results);
        assertEquals(Collections.nCopies(N, true), results3);
        assertEquals(List.of(0, 1, 2, 3, 4), gathered.stream().sorted().collect(Collectors.toList()));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // Rounds of new tasks: each round gives the indexes 0 to parties - 1 again.
    @Test
    void everyPartyGetsItsArrivalIndexEachRound() {
        Barrier barrier = new Barrier(4);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                party(barrier);
            }
            runBriefly();
        }
        assertEquals(8, results.size());
        Set<Object> first = new TreeSet<>(results.subList(0, 4));
        Set<Object> second = new TreeSet<>(results.subList(4, 8));
        assertEquals(Set.of(0, 1, 2, 3), first);
        assertEquals(first, second);
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_draining_state
    @Test
    void theBarrierDrainsUntilTheLastWokenTaskHasPassed() {
        Barrier barrier = new Barrier(N);
        runGatherTasks(N, () -> script(await(barrier::await), Script.run(() -> results.add(barrier.toString().contains("draining")))));
        assertEquals(List.of(true, true, true, true, false), results);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_blocking_tasks_while_draining
    @Test
    void tasksArrivingWhileItDrainsWaitForTheNextRound() {
        int rewait = 2;
        Barrier barrier = new Barrier(N);
        Barrier barrierNoWaiting = new Barrier(N - rewait);
        count = rewait;
        runGatherTasks(N, () -> script(
                await(barrier::await),
                ifElse(() -> count > 0,
                        block(Script.run(() -> count--), await(barrier::await), add(results, "waited again")),
                        block(await(barrierNoWaiting::await, results3::add), await(barrier::await), add(results, "waited after the others")))));
        assertEquals(2, Collections.frequency(results, "waited again"));
        assertEquals(3, Collections.frequency(results, "waited after the others"));
        assertEquals(Set.of(0, 1, 2), new TreeSet<>(results3), "barrierNoWaiting was waited for exactly N - rewait times");
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_filling_tasks_cancel_one
    @Test
    void aCancelledTaskLeavesTheRound() {
        Barrier barrier = new Barrier(3);
        Supplier<Coroutine<Object>> coro = () -> script(await(barrier::await), add(results, true));
        runMain(script(
                makeTasks(1, coro), sleep0(),
                Script.run(() -> assertEquals(1, barrier.nWaiting())),
                makeTasks(1, coro), sleep0(),
                Script.run(() -> assertEquals(2, barrier.nWaiting())),
                Script.run(() -> tasks.get(0).cancel()), sleep0(),
                Script.run(() -> assertEquals(1, barrier.nWaiting())),
                tryCatch(block(await(() -> tasks.get(0)), raise(() -> new AssertionError("the cancelled task returned"))),
                        CancelledException.class, e -> block(add(results2, "cancelled"))),
                Script.run(() -> assertTrue(tasks.get(0).isCancelled())),
                makeTasks(1, coro), sleep0(),
                Script.run(() -> assertEquals(2, barrier.nWaiting())),
                makeTasks(1, coro),
                await(() -> Asyncio.gather(tasks.subList(1, 4).toArray()))));
        assertEquals(List.of("cancelled"), results2);
        assertEquals(List.of(true, true, true), results);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.isBroken());
    }

    // The same with the tasks run from outside the loop.
    @Test
    void aCancelledPartyLeavesTheRound() {
        Barrier barrier = new Barrier(3);
        party(barrier);
        Task<Object> cancelled = party(barrier);
        runBriefly();
        assertEquals(2, barrier.nWaiting());
        cancelled.cancel();
        runBriefly();
        assertEquals(1, barrier.nWaiting());
        party(barrier);
        party(barrier);
        runBriefly();
        assertEquals(0, barrier.nWaiting());
        assertEquals(3, results.size());
        assertTrue(cancelled.isCancelled());
    }

    // Port of test_locks.py BarrierTests.test_reset_barrier
    @Test
    void resettingAnEmptyBarrierLeavesItFilling() {
        assertAnEmptyBarrierAfter(Barrier::reset, false, "Barrier<filling waiters=0/1>");
    }

    // Port of test_locks.py BarrierTests.test_reset_barrier_while_tasks_waiting
    @Test
    void aResetFailsTheWaitingTasksAndFillsAgain() {
        Barrier barrier = new Barrier(N);
        runMain(script(
                makeTasks(N - 1, () -> script(tryCatch(block(await(barrier::await)), BrokenBarrierException.class,
                        e -> block(add(results, e.getMessage()))))),
                sleep0(),
                Script.run(() -> loop.createTask(script(await(barrier::reset)))),
                gatherTasks()));
        assertEquals(Collections.nCopies(N - 1, "Abort or reset of barrier"), results);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"));
        assertFalse(barrier.isBroken());
    }

    // The same with the tasks run from outside the loop and three parties.
    @Test
    void aResetBreaksTheWaitersButNotTheBarrier() {
        Barrier barrier = new Barrier(3);
        party(barrier);
        party(barrier);
        runBriefly();
        runMain(script(await(barrier::reset)));
        runBriefly();
        assertEquals(List.of("broken: Abort or reset of barrier", "broken: Abort or reset of barrier"), results);
        assertFalse(barrier.isBroken());
        assertEquals(0, barrier.nWaiting());
    }

    // Port of test_locks.py BarrierTests.test_reset_barrier_when_tasks_half_draining
    @Test
    void aResetWhileDrainingFailsTheTasksNotPassedYet() {
        Barrier barrier = new Barrier(N);
        int restOfTasks = N / 2;
        // barrier._count, the tasks still in the barrier, is N less those that passed it so far
        runGatherTasks(N, () -> waitExceptElse(barrier, e -> block(add(results, true)),
                when(() -> restOfTasks == N - ++count, await(barrier::reset))));
        assertEquals(Collections.nCopies(restOfTasks, true), results);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"));
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_reset_barrier_when_tasks_half_draining_half_blocking
    @Test
    void aResetWhileDrainingLeavesTheTasksHeldBackForTheNextRound() {
        Barrier barrier = new Barrier(N);
        int blockingTasks = N / 2;
        runGatherTasks(N, () -> waitExceptElse(barrier, e -> block(add(results, true), await(barrier::await)),
                Script.run(() -> count++), ifElse(() -> count > blockingTasks,
                        block(await(barrier::reset), await(barrier::await)),
                        block(tryCatch(block(await(barrier::await)), BrokenBarrierException.class, e -> block(add(results2, true)))))));
        assertEquals(Collections.nCopies(blockingTasks, true), results);
        assertEquals(List.of(), results2);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"));
        assertFalse(barrier.isBroken());
    }

    // Port of test_locks.py BarrierTests.test_reset_barrier_while_tasks_waiting_and_waiting_again
    @Test
    void tasksFailedByAResetCanWaitAgain() {
        Barrier barrier = new Barrier(N);
        runMain(script(
                makeTasks(N - 1, () -> script(tryFinally(
                        block(tryCatch(block(await(barrier::await)), BrokenBarrierException.class, e -> block(add(results, true)))),
                        block(await(barrier::await), add(results2, true))))),
                Script.run(() -> loop.createTask(script(await(barrier::reset)))),
                sleep0(),
                Script.run(() -> loop.createTask(script(await(barrier::await), add(results2, true)))),
                gatherTasks()));
        assertFalse(barrier.isBroken());
        assertEquals(Collections.nCopies(N - 1, true), results);
        assertEquals(Collections.nCopies(N, true), results2);
        assertEquals(0, barrier.nWaiting());
    }

    // Port of test_locks.py BarrierTests.test_reset_barrier_while_tasks_draining
    @Test
    void aResetByTheLastTaskToPassLeavesTheNextRoundWhole() {
        Barrier barrier = new Barrier(N);
        runGatherTasks(N, () -> script(
                await(barrier::await),
                Script.run(() -> count++),
                ifElse(() -> count == N,
                        block(await(barrier::reset), await(barrier::await)),
                        block(tryCatch(block(await(barrier::await), add(results, true)), Exception.class, e -> block(add(results2, true))))),
                await(barrier::await),
                add(results3, true)));
        assertFalse(barrier.isBroken());
        assertEquals(Collections.nCopies(N - 1, true), results);
        assertEquals(List.of(), results2);
        assertEquals(Collections.nCopies(N, true), results3);
        assertEquals(0, barrier.nWaiting());
    }

    // Port of test_locks.py BarrierTests.test_abort_barrier
    @Test
    void abortingAnEmptyBarrierBreaksIt() {
        assertAnEmptyBarrierAfter(Barrier::abort, true, "Barrier<broken>");
    }

    // An abort fails the waiting tasks, and every later arrival at once.
    @Test
    void anAbortBreaksTheWaitersAndLaterArrivals() {
        Barrier barrier = new Barrier(3);
        party(barrier);
        runBriefly();
        runMain(script(await(barrier::abort)));
        party(barrier);
        runBriefly();
        assertTrue(barrier.isBroken());
        assertEquals(List.of("broken: Abort or reset of barrier", "broken: Barrier aborted"), results);
    }

    // Port of test_locks.py BarrierTests.test_abort_barrier_when_tasks_half_draining_half_blocking
    @Test
    void anAbortWhileDrainingFailsTheTasksNotPassedAndThoseHeldBack() {
        Barrier barrier = new Barrier(N);
        int blockingTasks = N / 2;
        runGatherTasks(N, () -> waitExceptElse(barrier, e -> block(add(results, e.getMessage())),
                Script.run(() -> count++), ifElse(() -> count > blockingTasks,
                        block(await(barrier::abort)),
                        block(tryCatch(block(await(barrier::await)), BrokenBarrierException.class,
                                e -> block(add(results2, e.getMessage())))))));
        assertTrue(barrier.isBroken());
        assertEquals(Collections.nCopies(blockingTasks, "Abort or reset of barrier"), results);
        assertEquals(Collections.nCopies(N - blockingTasks - 1, "Barrier aborted"), results2);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"));
    }

    // Port of test_locks.py BarrierTests.test_abort_barrier_when_exception
    @Test
    void aTaskThatFailsInTheBarrierCanAbortItForTheOthers() {
        Barrier barrier = new Barrier(N);
        runGatherTasks(N, () -> {
            Object[] index = new Object[1];
            return script(tryCatch(block(tryCatch(
                            block(await(barrier::await, v -> index[0] = v),
                                    when(() -> index[0].equals(N / 2), raise(() -> new IllegalStateException("failed in the barrier"))),
                                    await(barrier::await),
                                    add(results, true)),
                            BrokenBarrierException.class, e -> block(add(results2, true)))),
                    IllegalStateException.class, e -> block(await(barrier::abort))));
        });
        assertTrue(barrier.isBroken());
        assertEquals(List.of(), results);
        assertEquals(Collections.nCopies(N - 1, true), results2);
        assertEquals(0, barrier.nWaiting());
    }

    // Port of test_locks.py BarrierTests.test_abort_barrier_when_exception_then_resetting
    @Test
    void anAbortedBarrierResetOnceEveryoneLeftServesTheNextRound() {
        Barrier barrier1 = new Barrier(N);
        Barrier barrier2 = new Barrier(N);
        runGatherTasks(N, () -> {
            Object[] index = new Object[1];
            return script(
                    tryCatch(block(tryCatch(
                                    block(await(barrier1::await, v -> index[0] = v),
                                            when(() -> index[0].equals(N / 2), raise(() -> new IllegalStateException("failed in the barrier"))),
                                            await(barrier1::await),
                                            add(results, true)),
                                    BrokenBarrierException.class, e -> block(add(results2, true)))),
                            IllegalStateException.class, e -> block(await(barrier1::abort))),
                    await(barrier2::await, v -> index[0] = v),
                    when(() -> index[0].equals(N / 2), await(barrier1::reset)),
                    await(barrier2::await),
                    await(barrier1::await),
                    add(results3, true));
        });
        assertFalse(barrier1.isBroken());
        assertEquals(List.of(), results);
        assertEquals(Collections.nCopies(N - 1, true), results2);
        assertEquals(Collections.nCopies(N, true), results3);
        assertEquals(0, barrier1.nWaiting());
    }

    // A waiter that a task awaits through another future (here waitFor's) passes in a callback of its own.
    @Test
    void aWaiterAwaitedThroughWaitForPassesWithItsIndex() {
        Barrier barrier = new Barrier(2);
        loop.createTask(script(await(() -> Asyncio.waitFor(barrier.await(), 10), results::add)));
        party(barrier);
        runBriefly();
        assertEquals(Set.of(0, 1), new TreeSet<>(results));
        assertEquals("Barrier<filling waiters=0/2>", barrier.toString());
    }

    // A waiter cancelled by waitFor's timeout leaves the barrier: the next two arrivals make a round.
    @Test
    void aWaiterTimedOutByWaitForLeavesTheBarrier() {
        Barrier barrier = new Barrier(2);
        runMain(script(tryCatch(block(await(() -> Asyncio.waitFor(barrier.await(), 1))), AsyncTimeoutException.class,
                e -> block(logTime("timed out")))));
        assertEquals(List.of("timed out@1.0"), events);
        assertEquals(0, barrier.nWaiting());
        party(barrier);
        party(barrier);
        runBriefly();
        assertEquals(Set.of(0, 1), new TreeSet<>(results));
    }

    // A task woken by the last arrival but cancelled before it resumes is cancelled, and leaves the barrier all the same.
    @Test
    void aWokenTaskCancelledBeforeItResumesStillLeavesTheBarrier() {
        Barrier barrier = new Barrier(2);
        Task<Object> first = party(barrier);
        runBriefly();
        runMain(script(await(barrier::await, results::add), Script.run(() -> first.cancel()),
                Script.run(() -> events.add(barrier.toString())), sleep0()));
        assertTrue(first.isCancelled());
        assertEquals(List.of(1), results);
        assertEquals(List.of("Barrier<draining waiters=0/2>"), events);
        assertEquals("Barrier<filling waiters=0/2>", barrier.toString());
    }

    // A reset after an abort makes the barrier usable again.
    @Test
    void aResetAfterAnAbortMakesTheBarrierUsableAgain() {
        Barrier barrier = new Barrier(2);
        runMain(script(await(barrier::abort)));
        assertTrue(barrier.isBroken());
        runMain(script(await(barrier::reset)));
        assertFalse(barrier.isBroken());
        party(barrier);
        party(barrier);
        runBriefly();
        assertEquals(Set.of(0, 1), new TreeSet<>(results));
    }
}
