package org.coro4j.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Makes each {@code return} of a coroutine body return the coroutine's result instead of a
 * {@code Coroutine}: {@code return Coroutine.of(v)} returns {@code v}, {@code return
 * Coroutine.done()} returns {@code null}, and any other {@code return c} becomes
 * {@code return Await.on(c)}, which the suspension rewriting then handles like any await.
 */
final class ReturnRewriter {
    private static final String OF_DESC = "(Ljava/lang/Object;)" + RuntimeNames.COROUTINE_DESC;
    private static final String DONE_DESC = "()" + RuntimeNames.COROUTINE_DESC;
    private static final String AWAIT_COROUTINE_DESC = "(" + RuntimeNames.COROUTINE_DESC + ")Ljava/lang/Object;";

    private ReturnRewriter() {
    }

    static void rewrite(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (insn.getOpcode() == Opcodes.ARETURN) {
                rewriteReturn(method, insn);
            }
        }
    }

    private static void rewriteReturn(MethodNode method, AbstractInsnNode areturn) {
        MethodInsnNode producer = producerWithoutJoin(areturn);
        if (producer != null && isCoroutineFactory(producer, "of", OF_DESC)) {
            method.instructions.remove(producer);
        } else if (producer != null && isCoroutineFactory(producer, "done", DONE_DESC)) {
            method.instructions.set(producer, new InsnNode(Opcodes.ACONST_NULL));
        } else {
            method.instructions.insertBefore(areturn, new MethodInsnNode(Opcodes.INVOKESTATIC,
                    RuntimeNames.AWAIT, RuntimeNames.AWAIT_METHOD, AWAIT_COROUTINE_DESC, false));
        }
    }

    /** The call right before {@code areturn} if no branch joins in between, else null. */
    private static MethodInsnNode producerWithoutJoin(AbstractInsnNode areturn) {
        AbstractInsnNode node = areturn.getPrevious();
        while (node instanceof LabelNode || node instanceof LineNumberNode) {
            node = node.getPrevious();
        }
        if (node instanceof FrameNode || !(node instanceof MethodInsnNode call)) {
            return null;
        }
        return call;
    }

    private static boolean isCoroutineFactory(MethodInsnNode call, String name, String desc) {
        return call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(RuntimeNames.COROUTINE)
                && call.name.equals(name) && call.desc.equals(desc);
    }
}
