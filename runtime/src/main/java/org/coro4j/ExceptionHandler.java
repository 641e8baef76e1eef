package org.coro4j;

/**
 * Receives errors that no coroutine can catch: failing callbacks and exceptions never retrieved
 * [Python: {@code loop.set_exception_handler}].
 */
@FunctionalInterface
public interface ExceptionHandler {
    /** Handles one error reported on {@code loop}. */
    void handle(EventLoop loop, ExceptionContext context);
}
