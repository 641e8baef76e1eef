// The workloads W1-W4 in Kotlin coroutines (kotlinx.coroutines), written the way a Kotlin user
// would: everything inside runBlocking, whose event loop runs every coroutine on the calling
// thread like one asyncio loop. Argument "time" runs W1, W2 and W4, "memory" runs W3.

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Job
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield
import org.coro4j.benchmarks.Measure

private const val SYSTEM = "Kotlin"

fun main(args: Array<String>) {
    if (args[0] == "time") {
        check(spawn(1_000), 1_000L * 999 / 2)
        Measure.report("W1-tasks", SYSTEM, Measure.medianNanosPerOp(1_000_000) { spawn(1_000_000) }, "ns/task")
        check(switches(10, 10), 100)
        Measure.report("W2", SYSTEM, Measure.medianNanosPerOp(1_000_000) { switches(1_000, 1_000) }, "ns/switch")
        check(runBlocking { fib(20) }.toLong(), 6_765)
        Measure.report("W4", SYSTEM, Measure.medianNanosPerOp(1) { runBlocking { fib(25) } } / 1e3, "us/fib(25)")
    } else {
        val tasks = 100_000
        suspendedBytes(tasks)
        val bytes = DoubleArray(5) { suspendedBytes(tasks) }
        Measure.report("W3-future", SYSTEM, Measure.median(*bytes), "bytes/task")
    }
}

/** W1: [tasks] `async` coroutines that return their index, awaited with `awaitAll` and summed. */
fun spawn(tasks: Int): Long = runBlocking {
    List(tasks) { i -> async { i } }.awaitAll().sumOf { it.toLong() }
}

/** W2: [tasks] coroutines each calling `yield()` [switches] times. */
fun switches(tasks: Int, switches: Int): Long = runBlocking {
    List(tasks) {
        async {
            var done = 0
            repeat(switches) {
                yield()
                done++
            }
            done
        }
    }.awaitAll().sumOf { it.toLong() }
}

/** W3: bytes of heap per coroutine suspended on one shared `CompletableDeferred`. */
fun suspendedBytes(tasks: Int): Double = runBlocking {
    val handles = arrayOfNulls<Job>(tasks)
    val gate = CompletableDeferred<Unit>()
    val counts = IntArray(2)
    val before = Measure.usedHeapAfterGc()
    for (i in 0 until tasks) {
        handles[i] = launch {
            counts[0]++
            gate.await()
            counts[1]++
        }
    }
    yield()
    val after = Measure.usedHeapAfterGc()
    check(counts[0].toLong(), tasks.toLong())
    gate.complete(Unit)
    handles.forEach { it!!.join() }
    check(counts[1].toLong(), tasks.toLong())
    (after - before).toDouble() / tasks
}

/** W4: Fibonacci where every call is a suspending call of the two children. */
suspend fun fib(n: Int): Int = if (n < 2) n else fib(n - 1) + fib(n - 2)

private fun check(actual: Long, expected: Long) {
    if (actual != expected) {
        throw IllegalStateException("expected $expected but the workload computed $actual")
    }
}
