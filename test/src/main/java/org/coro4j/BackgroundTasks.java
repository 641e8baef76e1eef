package org.coro4j;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Starts the tasks of an {@link AsyncTest} that are meant to outlive its coroutine: servers,
 * producers, tickers [kotlinx-coroutines-test: {@code backgroundScope}]. When the coroutine
 * returns, those still pending are cancelled, and not reported as leaked; an exception one of them
 * raised, and nobody retrieved, still fails the test. An {@code @AsyncTest} method receives it as a
 * parameter.
 */
public final class BackgroundTasks {
    private final EventLoop loop;
    private final Set<Task<?>> tasks = Collections.newSetFromMap(new IdentityHashMap<>());

    BackgroundTasks(EventLoop loop) {
        this.loop = loop;
    }

    /** Starts {@code coroutine} as a background task [Python: {@code asyncio.create_task}]. */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /** Starts {@code coroutine} as a background task named {@code name}. */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Task<T> task = loop.createTask(coroutine, name);
        tasks.add(task);
        return task;
    }

    /** Whether {@code task} was started here. */
    boolean contains(Task<?> task) {
        return tasks.contains(task);
    }
}
