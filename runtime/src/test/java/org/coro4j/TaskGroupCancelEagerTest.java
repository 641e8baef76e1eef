package org.coro4j;

/**
 * Every {@link TaskGroupCancelTest} again with {@link TaskFactory#EAGER}, as CPython runs the tests
 * of test_taskgroups.py under both task factories (its {@code TestEagerTaskTaskGroup}).
 */
class TaskGroupCancelEagerTest extends TaskGroupCancelTest {
    TaskGroupCancelEagerTest() {
        loop.setTaskFactory(TaskFactory.EAGER);
    }
}
