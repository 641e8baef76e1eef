package org.coro4j;

/**
 * What went wrong, as passed to an {@link ExceptionHandler} [Python: the context dict of
 * {@code loop.call_exception_handler}].
 *
 * @param message what happened, never null
 * @param exception the exception, or null
 * @param task the task concerned, or null
 */
public record ExceptionContext(String message, Throwable exception, Task<?> task) {
}
