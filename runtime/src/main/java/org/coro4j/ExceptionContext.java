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

    /**
     * The text the default handler logs: the message, followed by {@code " (task X)"} unless the
     * message already shows the task as {@code X}, as the report of an exception nobody retrieved
     * does on its {@code future:} line; so the task is named once.
     */
    String printed() {
        return task == null || message.contains(task.toString()) ? message : message + " (task " + task + ")";
    }
}
