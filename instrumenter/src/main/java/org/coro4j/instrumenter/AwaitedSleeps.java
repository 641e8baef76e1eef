package org.coro4j.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Makes each {@code Await.on(Asyncio.sleep(d))} whose sleep future only the await sees, the call
 * of {@code sleep} followed at once by the {@code Await.on(Future)} that takes its result, call
 * {@code Continuation.sleepAwaited(d)} instead: the same future for a positive delay, and for
 * {@code sleep(0)} the loop's one yield future, which nothing else can observe, so that a yield allocates
 * nothing. The call keeps its descriptor, so the stack and every frame stay as they are.
 */
final class AwaitedSleeps {
    private static final String ASYNCIO = "org/coro4j/Asyncio";
    private static final String SLEEP = "sleep";
    private static final String SLEEP_AWAITED = "sleepAwaited";
    private static final String FUTURE_OF_SECONDS = "(D)L" + RuntimeNames.FUTURE + ";";
    private static final String FUTURE_OF_DURATION = "(Ljava/time/Duration;)L" + RuntimeNames.FUTURE + ";";
    private static final String AWAIT_FUTURE_DESC = "(L" + RuntimeNames.FUTURE + ";)Ljava/lang/Object;";

    private AwaitedSleeps() {
    }

    static void rewrite(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && isSleep(call) && isAwaitOfFuture(nextInstruction(call))) {
                call.owner = RuntimeNames.CONTINUATION;
                call.name = SLEEP_AWAITED;
            }
        }
    }

    private static boolean isSleep(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(ASYNCIO) && call.name.equals(SLEEP)
                && (call.desc.equals(FUTURE_OF_SECONDS) || call.desc.equals(FUTURE_OF_DURATION));
    }

    private static boolean isAwaitOfFuture(AbstractInsnNode insn) {
        return CoroutineMethodFinder.isAwait(insn) && ((MethodInsnNode) insn).desc.equals(AWAIT_FUTURE_DESC);
    }

    /** The instruction after {@code insn}, past labels, line numbers and frames, or null. */
    private static AbstractInsnNode nextInstruction(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next instanceof LabelNode || next instanceof LineNumberNode || next instanceof FrameNode) {
            next = next.getNext();
        }
        return next;
    }
}
