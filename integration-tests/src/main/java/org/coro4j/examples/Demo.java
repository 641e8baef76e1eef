package org.coro4j.examples;

import java.io.PrintStream;
import java.util.function.Supplier;
import org.coro4j.Asyncio;
import org.coro4j.Coroutine;

/** Runs every example on the wall clock, printing its output and how long it took. */
public final class Demo {

    private Demo() {
    }

    /** Runs the examples one after the other with {@code Asyncio.run}. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        DelayerMessenger delayerMessenger = new DelayerMessenger(out);
        LongOperation longOperation = new LongOperation(out);
        TasksVersusCoroutines tasksVersusCoroutines = new TasksVersusCoroutines(out);
        TimerAndWork timerAndWork = new TimerAndWork(out);

        run(out, "message = await messenger(); await delayer()", delayerMessenger::awaitOneAfterTheOther);
        run(out, "two create_task(delayer()), awaited in turn", delayerMessenger::twoTasks);
        run(out, "print(await task1)", delayerMessenger::printTaskResult);
        run(out, "long_operation", longOperation::main);
        run(out, "create_tasks_then_gather", tasksVersusCoroutines::createTasksThenGather);
        run(out, "create_coroutines_then_gather", tasksVersusCoroutines::createCoroutinesThenGather);
        run(out, "timer and work", timerAndWork::main);
    }

    private static void run(PrintStream out, String title, Supplier<Coroutine<Double>> example) {
        out.println("== " + title);
        double elapsed = Asyncio.run(example.get());
        out.println("-- took " + Clock.seconds(elapsed) + " s");
        out.println();
    }
}
