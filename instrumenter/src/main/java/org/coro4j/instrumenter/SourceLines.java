package org.coro4j.instrumenter;

import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Turns positions in a class into {@link Problem}s that name the source file and line. */
final class SourceLines {
    private final String sourceFile;
    private final List<MethodNode> methods;
    private final String className;

    SourceLines(ClassNode owner) {
        this.className = owner.name;
        this.sourceFile = owner.sourceFile != null ? owner.sourceFile : owner.name + ".class";
        this.methods = owner.methods;
    }

    /**
     * A problem with the declaration of {@code method}. Class files do not record the line of a
     * declaration, so it is estimated: the line before the method's first statement; for a method
     * without code (abstract, native), the line after the end of the closest method declared before
     * it, else the line before the start of the closest one declared after it, else none (line 0).
     * The problem also carries the range of lines the declaration lies in, between the end of the
     * closest method before it with line numbers and its own first statement (or the start of the
     * closest method after it), for a caller with the source file to find the exact line.
     */
    Problem atDeclaration(MethodNode method, String message) {
        int index = methods.indexOf(method);
        int previousEnd = 0;
        for (int i = index - 1; i >= 0 && previousEnd == 0; i--) {
            previousEnd = lastLine(methods.get(i));
        }
        int nextStart = 0;
        for (int i = index + 1; i < methods.size() && nextStart == 0; i++) {
            nextStart = firstLine(methods.get(i));
        }
        int first = firstLine(method);
        int estimate = first > 0 ? Math.max(1, first - 1)
                : previousEnd > 0 ? previousEnd + 1
                : nextStart > 0 ? Math.max(1, nextStart - 1)
                : 0;
        int lastPossible = first > 0 ? first : nextStart > 0 ? nextStart - 1 : Integer.MAX_VALUE;
        return new Problem(sourceFile, estimate, message,
                new Problem.Declaration(sourceName(method), previousEnd + 1, lastPossible));
    }

    /** The name {@code method} is declared with in the source: a constructor's is its class's. */
    private String sourceName(MethodNode method) {
        if (!method.name.equals("<init>")) {
            return method.name;
        }
        String simple = className.substring(className.lastIndexOf('/') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    /** A problem at {@code line}. */
    Problem at(int line, String message) {
        return new Problem(sourceFile, line, message);
    }

    /** A problem at the source line of {@code insn}. */
    Problem at(AbstractInsnNode insn, String message) {
        return new Problem(sourceFile, lineOf(insn), message);
    }

    /** A problem at the first source line of {@code method}, or line 0 if it has no code. */
    Problem at(MethodNode method, String message) {
        return new Problem(sourceFile, firstLine(method), message);
    }

    /** The source line of {@code insn}: the closest line number before it, or 0. */
    static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode node = insn; node != null; node = node.getPrevious()) {
            if (node instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }

    private static int lastLine(MethodNode method) {
        int last = 0;
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof LineNumberNode line) {
                last = Math.max(last, line.line);
            }
        }
        return last;
    }

    private static int firstLine(MethodNode method) {
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }
}
