package org.coro4j.instrumenter;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/** Turns positions in a class into {@link Problem}s that name the source file and line. */
final class SourceLines {
    private final String sourceFile;

    SourceLines(ClassNode owner) {
        this.sourceFile = owner.sourceFile != null ? owner.sourceFile : owner.name + ".class";
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

    private static int firstLine(MethodNode method) {
        for (AbstractInsnNode node : method.instructions) {
            if (node instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }
}
