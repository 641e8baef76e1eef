package org.coro4j;

import java.lang.reflect.Method;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A test class holding {@link AsyncTest} methods, as the JUnit Platform sees it. */
final class AsyncTestClassDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "class";
    private final Class<?> testClass;

    AsyncTestClassDescriptor(UniqueId id, Class<?> testClass) {
        super(id, AsyncTestMethodDescriptor.displayName(testClass, testClass.getSimpleName()), ClassSource.from(testClass));
        this.testClass = testClass;
    }

    Class<?> testClass() {
        return testClass;
    }

    /** Adds {@code method} unless it is there already. */
    void addMethod(Method method) {
        UniqueId id = getUniqueId().append(AsyncTestMethodDescriptor.SEGMENT, AsyncTestMethodDescriptor.segmentValue(method));
        if (findByUniqueId(id).isEmpty()) {
            addChild(new AsyncTestMethodDescriptor(id, testClass, method));
        }
    }

    @Override
    public Set<TestTag> getTags() {
        return AsyncTestMethodDescriptor.tags(testClass);
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
