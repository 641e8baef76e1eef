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

    SourceLines(ClassNode owner) {
        this.sourceFile = owner.sourceFile != null ? owner.sourceFile : owner.name + ".class";
        this.methods = owner.methods;
    }

    /**
     * A problem with the declaration of {@code method}. Class files do not record the line of a
     * declaration, so it is estimated: the line before the method's first statement; for a method
     * without code (abstract, native), the line after the end of the closest method declared before
     * it, else the line before the start of the closest one declared after it, else none (line 0).
     */
    Problem atDeclaration(MethodNode method, String message) {
        int first = firstLine(method);
        if (first > 0) {
            return new Problem(sourceFile, Math.max(1, first - 1), message);
        }
        int index = methods.indexOf(method);
        for (int i = index - 1; i >= 0; i--) {
            int last = lastLine(methods.get(i));
            if (last > 0) {
                return new Problem(sourceFile, last + 1, message);
            }
        }
        for (int i = index + 1; i < methods.size(); i++) {
            int next = firstLine(methods.get(i));
            if (next > 0) {
                return new Problem(sourceFile, Math.max(1, next - 1), message);
            }
        }
        return new Problem(sourceFile, 0, message);
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
