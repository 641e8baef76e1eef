package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds the coroutine methods of a class and the misuses of {@code @Async} and {@code Await.on}.
 * A coroutine method is one marked {@code @Async}, or one returning {@code Coroutine} that calls
 * {@code Await.on} (lambda bodies, which cannot carry annotations). Bridge and other synthetic
 * methods are never marked: javac copies {@code @Async} onto a bridge, which only calls the
 * coroutine method it bridges to.
 */
final class CoroutineMethodFinder {
    private final ClassNode owner;
    private final SourceLines lines;
    private final List<MethodNode> coroutines = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    CoroutineMethodFinder(ClassNode owner) {
        this.owner = owner;
        this.lines = new SourceLines(owner);
    }

    /** Classifies every method; read the outcome with {@link #coroutines()} and {@link #problems()}. */
    CoroutineMethodFinder scan() {
        for (MethodNode method : owner.methods) {
            classify(method);
        }
        return this;
    }

    List<MethodNode> coroutines() {
        return coroutines;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Whether {@code insn} is a call of {@code Await.on}. */
    static boolean isAwait(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode call
                && call.getOpcode() == Opcodes.INVOKESTATIC
                && call.owner.equals(RuntimeNames.AWAIT)
                && call.name.equals(RuntimeNames.AWAIT_METHOD);
    }

    private void classify(MethodNode method) {
        boolean marked = isMarkedAsync(method) && (method.access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) == 0;
        boolean returnsCoroutine = Type.getReturnType(method.desc).getDescriptor().equals(RuntimeNames.COROUTINE_DESC);
        List<MethodInsnNode> awaits = awaitsIn(method);
        String name = displayName(method);
        if (marked) {
            if (!checkAsyncDeclaration(method, name, returnsCoroutine)) {
                return;
            }
        } else if (!awaits.isEmpty() && (!returnsCoroutine || isInitializer(method))) {
            String advice = notACoroutine(method, name);
            for (MethodInsnNode await : awaits) {
                problems.add(lines.at(await, advice));
            }
            return;
        } else if (awaits.isEmpty()) {
            return;
        }
        boolean unknown = false;
        for (MethodInsnNode await : awaits) {
            if (RuntimeNames.awaitMethodFor(await.desc) == null) {
                problems.add(lines.at(await, "Await.on" + await.desc + " is not an overload this instrumenter knows;"
                        + " use the coro4j runtime that matches the instrumenter"));
                unknown = true;
            }
        }
        if (!unknown) {
            coroutines.add(method);
        }
    }

    /** What to do about an {@code Await.on} in {@code method}, which is not a coroutine: advice that can be followed there. */
    private String notACoroutine(MethodNode method, String name) {
        String simpleOwner = simpleOwner();
        if (method.name.equals("<init>")) {
            return "Await.on is called in a constructor of " + simpleOwner + ", which cannot be a coroutine:"
                    + " move the awaiting code into an @Async method (for example a static factory method that awaits,"
                    + " then calls the constructor)";
        }
        if (method.name.equals("<clinit>")) {
            return "Await.on is called in the static initializer of " + simpleOwner + ", which cannot be a coroutine:"
                    + " move the awaiting code into an @Async method and await it from a coroutine, or run it with Asyncio.run";
        }
        if (isLambda(method)) {
            return "Await.on is called in " + name + ", which is not a coroutine: make the lambda return Coroutine<T>"
                    + " (implement a functional interface whose method returns Coroutine, such as AsyncSupplier or"
                    + " AsyncFunction), or move the awaiting code into an @Async method";
        }
        return "Await.on is called in " + name + ", which is not a coroutine: mark the method @Async and make it return Coroutine<T>";
    }

    private static boolean isInitializer(MethodNode method) {
        return method.name.equals("<init>") || method.name.equals("<clinit>");
    }

    private static boolean isLambda(MethodNode method) {
        return method.name.startsWith("lambda$");
    }

    private boolean checkAsyncDeclaration(MethodNode method, String name, boolean returnsCoroutine) {
        if (isInitializer(method)) {
            problems.add(lines.atDeclaration(method, "@Async cannot mark a constructor: a constructor cannot suspend;"
                    + " move the awaiting code into an @Async method (for example a static factory method that awaits,"
                    + " then calls the constructor)"));
            return false;
        }
        if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
            problems.add(lines.atDeclaration(method, "@Async method " + name + " is abstract: only a method with a body can be a coroutine;"
                    + " put @Async on the implementations"));
            return false;
        }
        if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            problems.add(lines.atDeclaration(method, "@Async method " + name + " is native: only a Java method body can be a coroutine"));
            return false;
        }
        if (!returnsCoroutine) {
            problems.add(lines.atDeclaration(method, "@Async method " + name + " must return Coroutine<T>, not "
                    + Type.getReturnType(method.desc).getClassName()));
            return false;
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            problems.add(lines.atDeclaration(method, "@Async method " + name + " is synchronized: a coroutine cannot hold a monitor"
                    + " across Await.on; use org.coro4j.Lock instead"));
            return false;
        }
        return true;
    }

    private static boolean isMarkedAsync(MethodNode method) {
        return hasAsync(method.visibleAnnotations) || hasAsync(method.invisibleAnnotations);
    }

    private static boolean hasAsync(List<AnnotationNode> annotations) {
        if (annotations == null) {
            return false;
        }
        for (AnnotationNode annotation : annotations) {
            if (annotation.desc.equals(RuntimeNames.ASYNC_DESC)) {
                return true;
            }
        }
        return false;
    }

    private static List<MethodInsnNode> awaitsIn(MethodNode method) {
        List<MethodInsnNode> awaits = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (isAwait(insn)) {
                awaits.add((MethodInsnNode) insn);
            }
        }
        return awaits;
    }

    private String displayName(MethodNode method) {
        if (isLambda(method)) {
            return "a lambda in " + simpleOwner();
        }
        return simpleOwner() + "." + method.name + "()";
    }

    private String simpleOwner() {
        return owner.name.substring(owner.name.lastIndexOf('/') + 1);
    }
}
