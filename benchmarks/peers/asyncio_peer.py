"""The workloads W1-W4 in Python asyncio, written the idiomatic way.

Timing follows org.coro4j.benchmarks.Measure: each iteration repeats the workload until
BENCH_MILLIS have passed and scores the mean time per operation; BENCH_WARMUPS iterations are
discarded and the median of BENCH_ITERATIONS is printed. W3 counts the bytes tracemalloc sees
allocated by Python (after gc.collect()) with every task suspended, minus the same reading just
before the tasks were created.
"""

import asyncio
import gc
import os
import statistics
import sys
import time
import tracemalloc

SYSTEM = "asyncio"
SPAWN_TASKS = 100_000


def measure(ops_per_run, run):
    warmups = int(os.environ.get("BENCH_WARMUPS", "3"))
    iterations = int(os.environ.get("BENCH_ITERATIONS", "5"))
    millis = int(os.environ.get("BENCH_MILLIS", "1000"))
    scores = []
    for i in range(warmups + iterations):
        start = time.perf_counter_ns()
        runs = 0
        while True:
            run()
            runs += 1
            elapsed = time.perf_counter_ns() - start
            if elapsed >= millis * 1_000_000:
                break
        if i >= warmups:
            scores.append(elapsed / (runs * ops_per_run))
    return statistics.median(scores)


def report(workload, system, value, unit):
    print(f"RESULT\t{workload}\t{system}\t{value:.3f}\t{unit}", flush=True)


def check(actual, expected):
    if actual != expected:
        raise AssertionError(f"expected {expected} but the workload computed {actual}")


async def value(i):
    return i


async def spawn_tasks_main(tasks):
    created = [asyncio.create_task(value(i)) for i in range(tasks)]
    return sum(await asyncio.gather(*created))


async def spawn_coroutines_main(tasks):
    return sum(await asyncio.gather(*(value(i) for i in range(tasks))))


def spawn_tasks(tasks):
    return asyncio.run(spawn_tasks_main(tasks))


def spawn_coroutines(tasks):
    return asyncio.run(spawn_coroutines_main(tasks))


async def yielder(switches):
    done = 0
    for _ in range(switches):
        await asyncio.sleep(0)
        done += 1
    return done


async def switch_main(tasks, switches):
    return sum(await asyncio.gather(*(yielder(switches) for _ in range(tasks))))


def switch(tasks, switches):
    return asyncio.run(switch_main(tasks, switches))


async def wait_for_event(gate, counts):
    counts[0] += 1
    await gate.wait()
    counts[1] += 1


async def wait_for_future(gate, counts):
    counts[0] += 1
    await gate
    counts[1] += 1


async def memory_main(tasks, on_event):
    handles = [None] * tasks
    event = asyncio.Event()
    future = asyncio.get_running_loop().create_future()
    counts = [0, 0]
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(tasks):
        waiter = wait_for_event(event, counts) if on_event else wait_for_future(future, counts)
        handles[i] = asyncio.create_task(waiter)
    await asyncio.sleep(0)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    check(counts[0], tasks)
    if on_event:
        event.set()
    else:
        future.set_result(None)
    await asyncio.gather(*handles)
    check(counts[1], tasks)
    return (after - before) / tasks


def suspended_bytes(tasks, on_event):
    tracemalloc.start()
    try:
        return asyncio.run(memory_main(tasks, on_event))
    finally:
        tracemalloc.stop()


async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)


def plain_fib(n):
    return n if n < 2 else plain_fib(n - 1) + plain_fib(n - 2)


def main(what):
    if what == "time":
        check(spawn_tasks(1_000), 1_000 * 999 // 2)
        report("W1-tasks", SYSTEM, measure(SPAWN_TASKS, lambda: spawn_tasks(SPAWN_TASKS)), "ns/task")
        check(spawn_coroutines(1_000), 1_000 * 999 // 2)
        report("W1-coroutines", SYSTEM, measure(SPAWN_TASKS, lambda: spawn_coroutines(SPAWN_TASKS)), "ns/task")
        print(f"NOTE\tasyncio W1 gathers {SPAWN_TASKS:,} tasks per run, not 1,000,000, to fit the time budget; the figure is per task.")
        check(switch(10, 10), 100)
        report("W2", SYSTEM, measure(1_000_000, lambda: switch(1_000, 1_000)), "ns/switch")
        check(asyncio.run(fib(20)), 6_765)
        report("W4", SYSTEM, measure(1, lambda: asyncio.run(fib(25))) / 1e3, "us/fib(25)")
        check(plain_fib(20), 6_765)
        report("W4", "plain Python", measure(1, lambda: plain_fib(25)) / 1e3, "us/fib(25)")
    else:
        for on_event, workload in ((False, "W3-future"), (True, "W3-event")):
            suspended_bytes(100_000, on_event)
            report(workload, SYSTEM, statistics.median(suspended_bytes(100_000, on_event) for _ in range(5)), "bytes/task")


if __name__ == "__main__":
    main(sys.argv[1])
