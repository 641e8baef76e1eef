package org.coro4j;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * One run of an {@link AsyncTest} method: a fresh virtual-clock loop, the coroutine as its main
 * task under the two timeouts, then the checks for leaked tasks and exceptions nobody retrieved.
 */
final class AsyncTestRun {
    private final Method method;
    private final String name;
    private final AsyncTest settings;
    private final EventLoop loop = EventLoop.withVirtualClock();
    private final BackgroundTasks background = new BackgroundTasks(loop);
    private final List<ExceptionContext> reported = new ArrayList<>();
    /** Set on the loop's thread when a timeout fires: the failure, with the tasks as they were. */
    private Throwable timedOut;

    AsyncTestRun(Method method, AsyncTest settings) {
        this.method = method;
        this.name = method.getName() + "()";
        this.settings = settings;
        loop.setExceptionHandler((l, context) -> reported.add(context));
    }

    /** Runs the method on {@code instance}; returns normally if the test passed, else throws its failure. */
    void run(Object instance) throws Throwable {
        Coroutine<?> coroutine = coroutine(ReflectionSupport.invokeMethod(method, instance, arguments()));
        Task<?> main = loop.createTask(coroutine, name);
        if (settings.timeout() != Double.POSITIVE_INFINITY) {
            loop.callLater(settings.timeout(), () -> timeOut(main, "timed out after " + settings.timeout() + " virtual seconds"));
        }
        Thread watchdog = startWatchdog(main, Thread.currentThread());
        List<Throwable> failures = new ArrayList<>();
        try {
            try {
                loop.runUntilComplete(main);
            } catch (Throwable e) {
                failures.add(e);
            }
            if (timedOut != null) {
                failures.clear();
                failures.add(timedOut);
            }
            leftovers(failures);
            loop.close();
        } finally {
            watchdog.interrupt();
            watchdog.join();
            Thread.interrupted();
        }
        for (ExceptionContext context : reported) {
            failures.add(new AssertionError(context.printed(), context.exception()));
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            for (Throwable other : failures.subList(1, failures.size())) {
                first.addSuppressed(other);
            }
            throw first;
        }
    }

    private Object[] arguments() {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == VirtualClock.class) {
                arguments[i] = VirtualClock.of(loop);
            } else if (types[i] == EventLoop.class) {
                arguments[i] = loop;
            } else if (types[i] == BackgroundTasks.class) {
                arguments[i] = background;
            } else {
                throw new AsyncUsageException("@AsyncTest method " + where() + " has a parameter of type " + types[i].getName()
                        + "; an @AsyncTest method may take VirtualClock, EventLoop and BackgroundTasks parameters");
            }
        }
        return arguments;
    }

    private Coroutine<?> coroutine(Object returned) {
        if (returned instanceof Coroutine<?> coroutine) {
            return coroutine;
        }
        throw new AsyncUsageException("@AsyncTest method " + where() + " returned " + (returned == null ? "null"
                : "a " + returned.getClass().getName()) + "; it must return a Coroutine (declare it to return"
                + " Coroutine<Void> and end it with return Coroutine.done())");
    }

    private String where() {
        return method.getDeclaringClass().getName() + "." + name;
    }

    /** On the loop's thread: records the timeout with the task dump, then cancels the main task. */
    private void timeOut(Task<?> main, String why) {
        if (timedOut == null && !main.isDone()) {
            timedOut = new AsyncTimeoutException(where() + " " + why + "; " + loop.dumpTasks());
            main.cancel(why);
        }
    }

    private Thread startWatchdog(Task<?> main, Thread testThread) {
        long millis = (long) Math.min(Long.MAX_VALUE, Math.ceil(settings.realTimeout() * 1000));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            try {
                loop.callSoonThreadsafe(() -> timeOut(main, "timed out after " + settings.realTimeout() + " wall-clock seconds"));
            } catch (AsyncUsageException closed) {
                return;
            }
            testThread.interrupt();
        }, "coro4j-test-watchdog " + name);
        watchdog.setDaemon(true);
        watchdog.start();
        return watchdog;
    }

    /**
     * Tasks still pending once the main task is done: the leaked ones become a failure listing them,
     * background ones do not; all are cancelled and run until they finish.
     */
    private void leftovers(List<Throwable> failures) {
        List<Task<?>> pending = new ArrayList<>(loop.pendingTasks());
        if (pending.isEmpty()) {
            return;
        }
        long leaked = pending.stream().filter(task -> !background.contains(task)).count();
        if (leaked > 0 && timedOut == null) {
            failures.add(new AssertionError(leaked + (leaked == 1 ? " task was" : " tasks were")
                    + " still pending when the test coroutine returned (start a task that is meant to outlive the"
                    + " test with BackgroundTasks); they were cancelled. " + loop.dumpTasks()));
        }
        for (Task<?> task : pending) {
            task.cancel();
        }
        loop.runUntilComplete(Gathering.start(loop, true, pending));
    }
}
