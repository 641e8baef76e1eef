package org.coro4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test method returning {@code Coroutine<?>}, run as the main task of a fresh loop on a virtual
 * clock (so {@code sleep(3.0)} takes no real time) [kotlinx-coroutines-test: {@code runTest}]. The
 * test fails with the coroutine's exception; with every task exception nobody retrieved; and with
 * every task still pending when the coroutine returns, listed as {@link EventLoop#dumpTasks()}
 * shows them (tasks started through {@link BackgroundTasks} are cancelled instead). The method may
 * take {@link VirtualClock}, {@link EventLoop} and {@link BackgroundTasks} parameters.
 *
 * <p>The coro4j test engine runs these methods (it is found by the JUnit Platform through
 * {@code META-INF/services}, so Maven Surefire and IDEs run it beside Jupiter): the Jupiter engine
 * itself runs only {@code void} test methods. A new instance of the test class is made for each
 * method; its {@code @BeforeEach} and {@code @AfterEach} methods run around it, and
 * {@code @BeforeAll}/{@code @AfterAll}, {@code @Disabled}, {@code @DisplayName} and {@code @Tag}
 * are honoured. The method must be instrumented like any coroutine (the Maven plugin's
 * {@code instrument-tests} goal, or the agent).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface AsyncTest {

    /** The longest the coroutine may take, in virtual seconds; infinite by default. */
    double timeout() default Double.POSITIVE_INFINITY;

    /** The longest the test may take, in wall-clock seconds, drain of its leftover tasks included. */
    double realTimeout() default 60;
}
