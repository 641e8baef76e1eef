package org.coro4j.instrumenter;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Makes each call that makes a future only the await sees, a call followed at once by the
 * {@code Await.on(Future)} that takes its result, call the runtime's version for such an await
 * instead, which may hand out a future that nothing else can observe:
 * <ul>
 * <li>{@code Asyncio.sleep(d)} becomes {@code Continuation.sleepAwaited(d)}: the same future for a
 * positive delay, and for {@code sleep(0)} one shared yield future, so that a yield allocates
 * nothing and looks up no loop;
 * <li>{@code event.await()} becomes {@code Continuation.eventAwaited(event)}: the event's waiters
 * share one future.
 * </ul>
 * Each replacement takes and returns what the call did, so the stack and every frame stay as they are.
 */
final class AwaitedFutures {
    private static final String ASYNCIO = "org/coro4j/Asyncio";
    private static final String EVENT = "org/coro4j/Event";
    private static final String FUTURE_OF_SECONDS = "(D)L" + RuntimeNames.FUTURE + ";";
    private static final String FUTURE_OF_DURATION = "(Ljava/time/Duration;)L" + RuntimeNames.FUTURE + ";";
    private static final String FUTURE = "()L" + RuntimeNames.FUTURE + ";";
    private static final String AWAIT_FUTURE_DESC = "(L" + RuntimeNames.FUTURE + ";)Ljava/lang/Object;";

    /** A call the pass replaces, and the static method of {@code Continuation} that replaces it. */
    private record Replacement(int opcode, String owner, String name, String desc, String replacement, String replacementDesc) {
        boolean matches(MethodInsnNode call) {
            return call.getOpcode() == opcode && call.owner.equals(owner) && call.name.equals(name) && call.desc.equals(desc);
        }

        void apply(MethodInsnNode call) {
            call.setOpcode(Opcodes.INVOKESTATIC);
            call.owner = RuntimeNames.CONTINUATION;
            call.name = replacement;
            call.desc = replacementDesc;
            call.itf = false;
        }
    }

    private static final List<Replacement> REPLACEMENTS = List.of(
            new Replacement(Opcodes.INVOKESTATIC, ASYNCIO, "sleep", FUTURE_OF_SECONDS, "sleepAwaited", FUTURE_OF_SECONDS),
            new Replacement(Opcodes.INVOKESTATIC, ASYNCIO, "sleep", FUTURE_OF_DURATION, "sleepAwaited", FUTURE_OF_DURATION),
            new Replacement(Opcodes.INVOKEVIRTUAL, EVENT, "await", FUTURE, "eventAwaited", "(L" + EVENT + ";)L" + RuntimeNames.FUTURE + ";"));

    private AwaitedFutures() {
    }

    static void rewrite(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && isAwaitOfFuture(nextInstruction(call))) {
                for (Replacement replacement : REPLACEMENTS) {
                    if (replacement.matches(call)) {
                        replacement.apply(call);
                        break;
                    }
                }
            }
        }
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
