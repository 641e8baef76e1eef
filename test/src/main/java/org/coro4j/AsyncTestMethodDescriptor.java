package org.coro4j;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** One {@link AsyncTest} method, as the JUnit Platform sees it. */
final class AsyncTestMethodDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "method";
    private final Class<?> testClass;
    private final Method method;

    AsyncTestMethodDescriptor(UniqueId id, Class<?> testClass, Method method) {
        super(id, displayName(method, method.getName() + "()"), MethodSource.from(testClass, method));
        this.testClass = testClass;
        this.method = method;
    }

    /** {@code name(type, ...)}, the method's unique-id segment. */
    static String segmentValue(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** The {@code @DisplayName} of {@code element}, else {@code fallback}. */
    static String displayName(AnnotatedElement element, String fallback) {
        return AnnotationSupport.findAnnotation(element, DisplayName.class).map(DisplayName::value).orElse(fallback);
    }

    /** The valid {@code @Tag}s of {@code element}. */
    static Set<TestTag> tags(AnnotatedElement element) {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (Tag tag : AnnotationSupport.findRepeatableAnnotations(element, Tag.class)) {
            if (TestTag.isValid(tag.value())) {
                tags.add(TestTag.create(tag.value()));
            }
        }
        return tags;
    }

    Class<?> testClass() {
        return testClass;
    }

    Method method() {
        return method;
    }

    AsyncTest settings() {
        return AnnotationSupport.findAnnotation(method, AsyncTest.class).orElseThrow();
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = new LinkedHashSet<>(tags(testClass));
        tags.addAll(tags(method));
        return tags;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
