package org.coro4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a coroutine method [Python: {@code async def}]. Its declared return type must be
 * {@link Coroutine}; its body may call {@link Await#on}. The build-time instrumenter rewrites it so
 * that calling it only creates the coroutine: the body runs when the coroutine is awaited or
 * wrapped in a task.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Async {
}
