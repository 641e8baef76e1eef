package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Checks every class the instrumenter writes before it is handed out, with ASM's
 * {@link CheckClassAdapter}: the class structure, and each method's data flow with a
 * {@link BasicVerifier}, which needs no class hierarchy and so loads no user class; and that no
 * stack map frame names more local slots or stack slots than its method's {@code max_locals} and
 * {@code max_stack}, which the JVM rejects as a class format error before it verifies anything. A
 * failure here is a bug in the instrumenter.
 */
final class ClassVerifier {
    private ClassVerifier() {
    }

    /** Verifies {@code classFile}; throws {@link IllegalStateException} describing the first fault. */
    static void verify(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassNode node = new ClassNode();
        try {
            reader.accept(node, 0);
            for (MethodNode method : node.methods) {
                checkFrameSizes(method);
            }
            node.accept(new CheckClassAdapter(null, true));
        } catch (RuntimeException e) {
            throw new IllegalStateException("instrumenter wrote an invalid class " + reader.getClassName() + ": " + e.getMessage(), e);
        }
    }

    /** Follows the method's frames as the class file has them, each relative to the one before. */
    private static void checkFrameSizes(MethodNode method) {
        List<Object> locals = new ArrayList<>();
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            locals.add(Opcodes.TOP);
        }
        for (Type argument : Type.getArgumentTypes(method.desc)) {
            locals.add(argument.getSize() == 2 ? Opcodes.LONG : Opcodes.TOP);
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode frame) {
                List<Object> stack = frame.stack == null ? List.of() : frame.stack;
                switch (frame.type) {
                    case Opcodes.F_NEW, Opcodes.F_FULL -> locals = new ArrayList<>(frame.local);
                    case Opcodes.F_APPEND -> locals.addAll(frame.local);
                    case Opcodes.F_CHOP -> locals.subList(Math.max(0, locals.size() - frame.local.size()), locals.size()).clear();
                    default -> { }
                }
                int localSlots = FrameSimulator.slots(locals);
                int stackSlots = FrameSimulator.slots(stack);
                if (localSlots > method.maxLocals || stackSlots > method.maxStack) {
                    throw new IllegalStateException("method " + method.name + method.desc + ": a stack map frame names "
                            + localSlots + " local and " + stackSlots + " stack slots, more than max_locals " + method.maxLocals
                            + " or max_stack " + method.maxStack);
                }
            }
        }
    }
}
