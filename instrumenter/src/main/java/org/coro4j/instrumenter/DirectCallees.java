package org.coro4j.instrumenter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The coroutines of one class that its coroutines call directly: coroutine methods that cannot be
 * overridden, at most {@link #LARGEST_CALLEE} bytes of javac code, that some coroutine of the
 * class awaits where it calls them ({@code Await.on(m(args))}). Each gets a direct body ({@link DirectCallee}); each such
 * await calls it instead of allocating the callee's continuation. Reads the class only.
 */
final class DirectCallees {
    /**
     * HotSpot's {@code FreqInlineSize}: a larger callee is not inlined into its caller anyway, and a
     * call through its continuation costs little beside its own work, which a direct body would copy.
     */
    static final int LARGEST_CALLEE = 325;

    private static final String AWAIT_COROUTINE_DESC = "(" + RuntimeNames.COROUTINE_DESC + ")Ljava/lang/Object;";

    private final Map<String, DirectCallee> byMethod;

    private DirectCallees(Map<String, DirectCallee> byMethod) {
        this.byMethod = byMethod;
    }

    /** No direct calls at all. */
    static DirectCallees none() {
        return new DirectCallees(Map.of());
    }

    /**
     * The direct callees among {@code coroutines} of {@code owner}, whose continuation classes are
     * {@code continuationClasses} (by index) and whose javac code sizes are {@code javacSizes}.
     */
    static DirectCallees of(ClassNode owner, List<MethodNode> coroutines, List<String> continuationClasses,
            Map<String, Integer> javacSizes) {
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        Map<String, DirectCallee> candidates = new HashMap<>();
        for (int i = 0; i < coroutines.size(); i++) {
            MethodNode method = coroutines.get(i);
            Integer size = javacSizes.get(method.name + method.desc);
            if (cannotBeOverridden(owner, method) && size != null && size <= LARGEST_CALLEE) {
                DirectCallee callee = new DirectCallee(owner.name, isInterface, method.name, method.desc, method.access, continuationClasses.get(i));
                String directDescriptor = callee.directDescriptor();
                if (owner.methods.stream().noneMatch(other -> other.name.equals(method.name) && other.desc.equals(directDescriptor))) {
                    candidates.put(method.name + method.desc, callee);
                }
            }
        }
        Map<String, DirectCallee> called = new HashMap<>();
        if (candidates.isEmpty()) {
            return new DirectCallees(called);
        }
        for (MethodNode method : coroutines) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && call.owner.equals(owner.name) && awaitsAtOnce(insn)) {
                    String key = call.name + call.desc;
                    DirectCallee callee = candidates.get(key);
                    if (callee != null && calls(call, callee)) {
                        called.put(key, callee);
                    }
                }
            }
        }
        return new DirectCallees(called);
    }

    /**
     * Whether calls of {@code method} always run it: a static method, or, in a class, a private or
     * final method or any method of a final class.
     */
    private static boolean cannotBeOverridden(ClassNode owner, MethodNode method) {
        if (ContinuationLayout.isStatic(method.access)) {
            return true;
        }
        return (owner.access & Opcodes.ACC_INTERFACE) == 0
                && ((method.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || (owner.access & Opcodes.ACC_FINAL) != 0);
    }

    /** Whether {@code call} is a call of {@code callee}: the invocation its kind of method takes. */
    private static boolean calls(MethodInsnNode call, DirectCallee callee) {
        return callee.isStatic() ? call.getOpcode() == Opcodes.INVOKESTATIC
                : call.getOpcode() == Opcodes.INVOKEVIRTUAL || call.getOpcode() == Opcodes.INVOKESPECIAL;
    }

    /**
     * Whether the coroutine {@code call} returns is awaited at once: the next instruction, past
     * labels and line numbers but not a frame, is {@code Await.on}, or a {@code return}, which awaits
     * it once the returns are rewritten ({@link ReturnRewriter}).
     */
    private static boolean awaitsAtOnce(AbstractInsnNode call) {
        AbstractInsnNode next = call.getNext();
        while (next instanceof LabelNode || next instanceof LineNumberNode) {
            next = next.getNext();
        }
        return next != null && (next.getOpcode() == Opcodes.ARETURN
                || CoroutineMethodFinder.isAwait(next) && ((MethodInsnNode) next).desc.equals(AWAIT_COROUTINE_DESC));
    }

    /** The direct body {@code method} gets, or null if it is not called directly. */
    DirectCallee of(MethodNode method) {
        return byMethod.get(method.name + method.desc);
    }

    /** The callee that {@code await} awaits the coroutine of where it calls it, or null if it awaits something else. */
    DirectCallee calleeAt(MethodInsnNode await) {
        if (!await.desc.equals(AWAIT_COROUTINE_DESC) || !(stubCall(await) instanceof MethodInsnNode call)) {
            return null;
        }
        DirectCallee callee = byMethod.get(call.name + call.desc);
        return callee != null && callee.owner().equals(call.owner) && calls(call, callee) ? callee : null;
    }

    /**
     * The instruction that puts the awaited value on the stack: the one before {@code await}, past
     * labels and line numbers (a frame between them would make it a branch target: not a direct call).
     */
    static AbstractInsnNode stubCall(MethodInsnNode await) {
        AbstractInsnNode previous = await.getPrevious();
        while (previous instanceof LabelNode || previous instanceof LineNumberNode) {
            previous = previous.getPrevious();
        }
        return previous;
    }
}
