package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Splits one coroutine method in three: the method itself becomes a stub that only allocates the
 * continuation and stores the arguments in it; a body method of the same name, taking the
 * continuation, holds the original code made resumable; and a continuation class ties them
 * together. A coroutine its class calls directly ({@link DirectCallees}) gets a fourth part, its
 * direct body. {@link #split} lists the passes in the order they run; each either only reads the
 * method or rewrites it, and problems found by one stop the split after that pass.
 */
final class CoroutineSplitter {
    private final ClassNode owner;
    private final SourceLines lines;

    /** What splitting one method produced; {@code direct} is its direct body, or null. */
    record Split(MethodNode body, MethodNode direct, String continuationClass, byte[] continuationClassBytes) {
    }

    CoroutineSplitter(ClassNode owner) {
        this.owner = owner;
        this.lines = new SourceLines(owner);
    }

    /**
     * Splits {@code method}, which becomes the stub, its awaits of {@code directs} becoming direct
     * calls; throws listing what it uses that is not supported.
     */
    Split split(MethodNode method, String continuationClass, DirectCallees directs) throws InstrumentationException {
        List<Problem> problems = new ArrayList<>();
        boolean isStatic = ContinuationLayout.isStatic(method.access);
        DirectCallee direct = directs.of(method);
        // checks: what no rewriting can keep (reads)
        problems.addAll(unsupported(method));
        stopIfAny(problems);
        // returns: return Coroutine.of(v) returns v (rewrites)
        ReturnRewriter.rewrite(method);
        // awaited futures: an Await.on(sleep(d)) or Await.on(event.await()) whose future nothing
        // else sees gets one no one else can see: none of its own for d <= 0, one an event's
        // waiters share (rewrites calls)
        AwaitedFutures.rewrite(method);
        // allocations: new Foo(.., Await.on(x)) allocates after the await (analyses, then rewrites)
        problems.addAll(new AllocationMover(owner.name, method, lines).move());
        stopIfAny(problems);
        // body: the code moves into the body method, whose first parameter (after this) is the
        // continuation; every local from there on moves up one slot (rewrites)
        int continuationSlot = isStatic ? 0 : 1;
        String bodyDescriptor = "(L" + continuationClass + ";)Ljava/lang/Object;";
        MethodNode body = bodyOf(method, bodyDescriptor, continuationClass, continuationSlot);
        String entryDescriptor = "(L" + continuationClass + ";" + method.desc.substring(1);
        // liveness: which locals are read again after each instruction (reads)
        LiveLocals live = LiveLocals.of(body);
        // frames: javac's frames with each dead local TOP (rewrites frames only)
        DeadLocalFrames.mark(body, live, continuationSlot + 1);
        // direct body: a copy of the body as it is now, for a coroutine called directly (copies)
        Map<AbstractInsnNode, AbstractInsnNode> copies = new IdentityHashMap<>();
        MethodNode directBody = direct == null ? null : copyOf(body, direct.directDescriptor(), copies);
        // frames at awaits: the exact types of locals and stack at each await (reads)
        List<Frame<BasicValue>> frames = framesAtAwaits(body, entryDescriptor, problems);
        stopIfAny(problems);
        List<AwaitSite> sites = sites(body, frames, live);
        // layout: which continuation field keeps which value at each suspension point (reads)
        ContinuationLayout layout = new ContinuationLayout(continuationSlot + 1);
        List<Spill> arguments = layout.arguments(method.desc);
        List<SuspensionPoint> points = layout.suspensionPoints(body, sites);
        // suspension points: the body becomes a state machine (rewrites the body)
        int[] siteLines = siteLines(body, points);
        new SuspendPointRewriter(body, continuationClass, continuationSlot, entryLocals(isStatic, continuationClass), directs, null)
                .rewrite(points, arguments);
        if (directBody != null) {
            // direct body: the copy, laid out as the body, becomes calls that suspend into the
            // continuation but never resume (rewrites the copy)
            int anchor = Math.max(directBody.maxLocals, direct.receiverSlots() + direct.argumentSlots() + 2);
            new SuspendPointRewriter(directBody, continuationClass, continuationSlot, entryLocals(isStatic, continuationClass), directs,
                    new SuspendPointRewriter.DirectSlots(direct, anchor, copies)).rewrite(points, List.of());
        }
        // stub: the method only allocates its continuation (rewrites the method)
        becomeStub(method, continuationClass, arguments);
        // continuation class (writes a new class); the owner and it are verified once written
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        byte[] continuationClassBytes = new ContinuationClassWriter(owner.version, owner.name, isInterface, owner.sourceFile)
                .write(continuationClass, method.name, bodyDescriptor, isStatic, layout, siteLines, direct);
        return new Split(body, directBody, continuationClass, continuationClassBytes);
    }

    /**
     * A copy of {@code body}, instructions, frames and tables, with descriptor {@code descriptor};
     * {@code copies} gets the copy of each instruction.
     */
    private static MethodNode copyOf(MethodNode body, String descriptor, Map<AbstractInsnNode, AbstractInsnNode> copies) {
        MethodNode copy = new MethodNode(Opcodes.ASM9, body.access, body.name, descriptor, null, null);
        body.accept(copy);
        AbstractInsnNode each = copy.instructions.getFirst();
        for (AbstractInsnNode insn : body.instructions) {
            copies.put(insn, each);
            each = each.getNext();
        }
        return copy;
    }

    private List<Problem> unsupported(MethodNode method) {
        List<Problem> problems = new ArrayList<>();
        for (AbstractInsnNode held : MonitorChecker.awaitsHoldingMonitor(method)) {
            problems.add(lines.at(held, "Await.on inside a synchronized block: a coroutine cannot hold a monitor"
                    + " across a suspension; use org.coro4j.Lock instead"));
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET) {
                problems.add(lines.at(insn, "JSR/RET subroutines are not supported; recompile with a Java 7 or later target"));
            }
        }
        return problems;
    }

    /** The simulated frame before each await; an await whose pending values cannot be kept is a problem. */
    private List<Frame<BasicValue>> framesAtAwaits(MethodNode method, String entryDescriptor, List<Problem> problems) {
        FrameSimulator simulator = new FrameSimulator(owner.name, method, entryDescriptor);
        List<Frame<BasicValue>> frames = new ArrayList<>();
        for (FrameSimulator.Before before : simulator.framesBefore(CoroutineMethodFinder::isAwait)) {
            if (before.failure() != null) {
                problems.add(lines.at(before.insn(), "cannot analyse the code around Await.on: " + before.failure().getMessage()));
                continue;
            }
            frames.add(before.frame());
            if (!pendingValuesCanBeKept(before.frame())) {
                problems.add(lines.at(before.insn(), "Await.on inside an expression whose pending values cannot be"
                        + " kept across a suspension; assign the awaited value to a local variable first"));
            }
        }
        return frames;
    }

    private static boolean pendingValuesCanBeKept(Frame<BasicValue> frame) {
        for (int i = 0; i < frame.getStackSize() - 1; i++) {
            BasicValue value = frame.getStack(i);
            if (value instanceof UninitializedValue || SpillKind.of(value) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The awaits with their frames and the locals they keep: those live there, and those a pending
     * stack value is an unchanged copy of (restoring the local then restores that value too).
     */
    private static List<AwaitSite> sites(MethodNode method, List<Frame<BasicValue>> frames, LiveLocals live) {
        List<AwaitSite> sites = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (CoroutineMethodFinder.isAwait(insn)) {
                Frame<BasicValue> frame = frames.get(sites.size());
                BitSet kept = live.before(insn);
                for (int i = 0; i < frame.getStackSize() - 1; i++) {
                    int copyOf = ContinuationLayout.copiedLocal(frame, frame.getStack(i));
                    if (copyOf >= 0) {
                        kept.set(copyOf);
                    }
                }
                sites.add(new AwaitSite((MethodInsnNode) insn, frame, kept));
            }
        }
        return sites;
    }

    private static void stopIfAny(List<Problem> problems) throws InstrumentationException {
        if (!problems.isEmpty()) {
            throw new InstrumentationException(problems);
        }
    }

    /**
     * The body method, holding {@code method}'s code with the continuation in {@code continuationSlot}
     * (its parameter, so that the most used local has a one-byte load) and every local from there on
     * one slot up, in instructions, javac's frames and the local variable tables.
     */
    private MethodNode bodyOf(MethodNode method, String bodyDescriptor, String continuationClass, int continuationSlot) {
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        int access = Opcodes.ACC_SYNTHETIC | (method.access & Opcodes.ACC_STATIC);
        if (isInterface) {
            access |= Opcodes.ACC_PUBLIC;
        } else if (!ContinuationLayout.isStatic(method.access)) {
            access |= Opcodes.ACC_FINAL;
        }
        MethodNode body = new MethodNode(Opcodes.ASM9, access, method.name, bodyDescriptor, null, null);
        body.instructions = method.instructions;
        body.tryCatchBlocks = method.tryCatchBlocks;
        body.localVariables = method.localVariables;
        body.visibleLocalVariableAnnotations = method.visibleLocalVariableAnnotations;
        body.invisibleLocalVariableAnnotations = method.invisibleLocalVariableAnnotations;
        body.maxLocals = method.maxLocals + 1;
        body.maxStack = method.maxStack;
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof VarInsnNode variable && variable.var >= continuationSlot) {
                variable.var++;
            } else if (insn instanceof IincInsnNode increment && increment.var >= continuationSlot) {
                increment.var++;
            } else if (insn instanceof FrameNode frame) {
                List<Object> locals = new ArrayList<>(frame.local);
                while (locals.size() < continuationSlot) {
                    locals.add(Opcodes.TOP);
                }
                locals.add(continuationSlot, continuationClass);
                frame.local = locals;
            }
        }
        if (body.localVariables != null) {
            body.localVariables.stream().filter(local -> local.index >= continuationSlot).forEach(local -> local.index++);
        }
        for (List<LocalVariableAnnotationNode> annotations : Arrays.asList(body.visibleLocalVariableAnnotations,
                body.invisibleLocalVariableAnnotations)) {
            if (annotations != null) {
                annotations.forEach(annotation -> annotation.index.replaceAll(index -> index >= continuationSlot ? index + 1 : index));
            }
        }
        return body;
    }

    private List<Object> entryLocals(boolean isStatic, String continuationClass) {
        List<Object> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(owner.name);
        }
        locals.add(continuationClass);
        return locals;
    }

    private static int[] siteLines(MethodNode method, List<SuspensionPoint> points) {
        int[] result = new int[points.size() + 1];
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode line) {
                result[0] = line.line;
                break;
            }
        }
        for (SuspensionPoint point : points) {
            result[point.label()] = SourceLines.lineOf(point.site().call());
        }
        return result;
    }

    /** Makes {@code method} allocate the continuation and store the arguments (kept one slot up in the body) in their fields. */
    private void becomeStub(MethodNode method, String continuationClass, List<Spill> arguments) {
        InsnList code = new InsnList();
        code.add(new TypeInsnNode(Opcodes.NEW, continuationClass));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, continuationClass, "<init>", "()V", false));
        int slots = 0;
        if (!ContinuationLayout.isStatic(method.access)) {
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            code.add(new FieldInsnNode(Opcodes.PUTFIELD, continuationClass, ContinuationLayout.SELF, Type.getObjectType(owner.name).getDescriptor()));
            slots = 1;
        }
        for (Spill argument : arguments) {
            int slot = argument.index() - 1;
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new VarInsnNode(argument.kind().loadOpcode(), slot));
            code.add(new FieldInsnNode(Opcodes.PUTFIELD, continuationClass, argument.field().name(), argument.field().descriptor()));
            slots = slot + argument.kind().size();
        }
        code.add(new InsnNode(Opcodes.ARETURN));
        method.instructions = code;
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        method.maxLocals = slots;
        method.maxStack = 4;
    }
}
