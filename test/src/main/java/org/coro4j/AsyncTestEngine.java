package org.coro4j;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform engine that runs {@link AsyncTest} methods (engine id {@code coro4j}); the
 * Platform finds it through {@code META-INF/services}, so whatever runs JUnit 5 tests (Maven
 * Surefire, Gradle, IDEs) runs these beside the Jupiter ones. Selectors: classes, methods,
 * packages, class path roots and unique ids; a scan of a package or class path root finds top-level
 * classes only, so a nested class runs only when selected by name.
 */
public final class AsyncTestEngine implements TestEngine {
    /** The engine's id, the first segment of every unique id it makes. */
    public static final String ID = "coro4j";

    /** Creates the engine; the JUnit Platform calls this. */
    public AsyncTestEngine() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("org.coro4j");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("coro4j-test");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "coro4j @AsyncTest");
        Predicate<String> names = Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class)).toPredicate();
        Predicate<Class<?>> candidates = type -> type.getEnclosingClass() == null && hasAsyncTests(type);
        for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
            addClass(engine, selector.getJavaClass(), names);
        }
        for (PackageSelector selector : request.getSelectorsByType(PackageSelector.class)) {
            ReflectionSupport.findAllClassesInPackage(selector.getPackageName(), candidates, names)
                    .forEach(type -> addClass(engine, type, names));
        }
        for (ClasspathRootSelector selector : request.getSelectorsByType(ClasspathRootSelector.class)) {
            ReflectionSupport.findAllClassesInClasspathRoot(selector.getClasspathRoot(), candidates, names)
                    .forEach(type -> addClass(engine, type, names));
        }
        for (MethodSelector selector : request.getSelectorsByType(MethodSelector.class)) {
            addMethod(engine, selector.getJavaClass(), selector.getJavaMethod());
        }
        for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
            addUniqueId(engine, selector.getUniqueId());
        }
        return engine;
    }

    private static boolean hasAsyncTests(Class<?> type) {
        return !Modifier.isAbstract(type.getModifiers()) && !type.isLocalClass() && !type.isAnonymousClass()
                && !asyncTests(type).isEmpty();
    }

    private static List<Method> asyncTests(Class<?> type) {
        return AnnotationSupport.findAnnotatedMethods(type, AsyncTest.class, HierarchyTraversalMode.TOP_DOWN);
    }

    private static void addClass(EngineDescriptor engine, Class<?> type, Predicate<String> names) {
        if (hasAsyncTests(type) && names.test(type.getName())) {
            AsyncTestClassDescriptor container = classDescriptor(engine, type);
            for (Method method : asyncTests(type)) {
                container.addMethod(method);
            }
        }
    }

    private static void addMethod(EngineDescriptor engine, Class<?> type, Method method) {
        if (AnnotationSupport.isAnnotated(method, AsyncTest.class) && hasAsyncTests(type)) {
            classDescriptor(engine, type).addMethod(method);
        }
    }

    private static void addUniqueId(EngineDescriptor engine, UniqueId id) {
        List<UniqueId.Segment> segments = id.getSegments();
        if (!segments.get(0).getValue().equals(ID) || segments.size() < 2
                || !segments.get(1).getType().equals(AsyncTestClassDescriptor.SEGMENT)) {
            return;
        }
        Optional<Class<?>> type = ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional();
        if (type.isEmpty() || !hasAsyncTests(type.get())) {
            return;
        }
        if (segments.size() == 2) {
            addClass(engine, type.get(), name -> true);
            return;
        }
        String method = segments.get(2).getValue();
        for (Method candidate : asyncTests(type.get())) {
            if (AsyncTestMethodDescriptor.segmentValue(candidate).equals(method)) {
                addMethod(engine, type.get(), candidate);
            }
        }
    }

    private static AsyncTestClassDescriptor classDescriptor(EngineDescriptor engine, Class<?> type) {
        UniqueId id = engine.getUniqueId().append(AsyncTestClassDescriptor.SEGMENT, type.getName());
        Optional<? extends TestDescriptor> existing = engine.findByUniqueId(id);
        if (existing.isPresent()) {
            return (AsyncTestClassDescriptor) existing.get();
        }
        AsyncTestClassDescriptor container = new AsyncTestClassDescriptor(id, type);
        engine.addChild(container);
        return container;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor engine = request.getRootTestDescriptor();
        listener.executionStarted(engine);
        for (TestDescriptor child : engine.getChildren()) {
            executeClass((AsyncTestClassDescriptor) child, listener);
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static void executeClass(AsyncTestClassDescriptor container, EngineExecutionListener listener) {
        Class<?> type = container.testClass();
        Optional<String> disabled = disabledReason(type);
        if (disabled.isPresent()) {
            listener.executionSkipped(container, disabled.get());
            return;
        }
        listener.executionStarted(container);
        List<Throwable> failures = new ArrayList<>();
        invokeAll(lifecycle(type, BeforeAll.class, HierarchyTraversalMode.TOP_DOWN), null, failures);
        if (failures.isEmpty()) {
            for (TestDescriptor child : container.getChildren()) {
                executeMethod((AsyncTestMethodDescriptor) child, listener);
            }
        }
        invokeAll(lifecycle(type, AfterAll.class, HierarchyTraversalMode.BOTTOM_UP), null, failures);
        listener.executionFinished(container, result(failures));
    }

    private static void executeMethod(AsyncTestMethodDescriptor test, EngineExecutionListener listener) {
        Optional<String> disabled = disabledReason(test.method());
        if (disabled.isPresent()) {
            listener.executionSkipped(test, disabled.get());
            return;
        }
        listener.executionStarted(test);
        List<Throwable> failures = new ArrayList<>();
        Class<?> type = test.testClass();
        try {
            Object instance = ReflectionSupport.newInstance(type);
            invokeAll(lifecycle(type, BeforeEach.class, HierarchyTraversalMode.TOP_DOWN), instance, failures);
            if (failures.isEmpty()) {
                try {
                    new AsyncTestRun(test.method(), test.settings()).run(instance);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }
            invokeAll(lifecycle(type, AfterEach.class, HierarchyTraversalMode.BOTTOM_UP), instance, failures);
        } catch (Throwable e) {
            failures.add(e);
        }
        listener.executionFinished(test, result(failures));
    }

    private static List<Method> lifecycle(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation,
            HierarchyTraversalMode order) {
        return AnnotationSupport.findAnnotatedMethods(type, annotation, order);
    }

    private static void invokeAll(List<Method> methods, Object instance, List<Throwable> failures) {
        for (Method method : methods) {
            try {
                ReflectionSupport.invokeMethod(method, instance);
            } catch (Throwable e) {
                failures.add(e);
            }
        }
    }

    private static Optional<String> disabledReason(java.lang.reflect.AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, Disabled.class)
                .map(disabled -> disabled.value().isEmpty() ? element + " is @Disabled" : disabled.value());
    }

    private static TestExecutionResult result(List<Throwable> failures) {
        if (failures.isEmpty()) {
            return TestExecutionResult.successful();
        }
        Throwable first = failures.get(0);
        for (Throwable other : failures.subList(1, failures.size())) {
            first.addSuppressed(other);
        }
        return TestExecutionResult.failed(first);
    }
}
