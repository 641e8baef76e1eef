package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Rewrites a coroutine body into a resumable state machine, in place. Each {@code Await.on} becomes
 * a call of the continuation's await method; if that suspends, the values laid out for that
 * suspension point go into the continuation's fields and the body returns {@code SUSPENDED}. A
 * dispatch on the continuation's {@code label} at the top (a table, or a chain of comparisons
 * when that is smaller) jumps to the code that restores them and takes the awaited result. Points of the same shape (the same values in the same fields) share
 * one block that saves and one that restores, at the end of the body, so that code grows with
 * the values live at each point, not with the number of points. Stack map frames are javac's
 * (with dead locals {@code TOP}, see {@link DeadLocalFrames}), plus exact frames at every new
 * branch target.
 */
final class SuspendPointRewriter {
    /** The debugger-visible name of the local that holds the continuation. */
    static final String CONTINUATION_LOCAL_NAME = "$continuation";

    private final MethodNode body;
    private final String continuationClass;
    private final int continuationSlot;
    private final List<Object> entryLocals;
    private final DirectCallees directs;
    /** For a direct body, where its anchor frame and depth are kept; null for the resumable body. */
    private final DirectSlots direct;
    private final List<LabelNode[]> restoreRanges = new ArrayList<>();
    private final InsnList sharedBlocks = new InsnList();
    /** Whether the dispatch is a chain of comparisons that leaves the label on the stack at each entry. */
    private boolean labelOnStack;

    /**
     * The labels of one point: its await call (where a shared block resumes it), where its values
     * are restored, where the result is taken, and after.
     */
    private record Labels(LabelNode call, LabelNode restore, LabelNode resume, LabelNode resumed) {
    }

    /**
     * Points of one shape whose pending values are kept alike: where their pending values are saved
     * ({@code SUSPENDED} on top of them).
     */
    private record Layout(SuspensionPoint first, LabelNode save) {
    }

    /** Points of one shape and one layout with consecutive labels: where their pending values are restored. */
    private record Run(List<SuspensionPoint> points, LabelNode restore) {
    }

    /**
     * The code that points of one shape share: {@code restore} restores the locals, then, for the
     * run the label falls in, the run's pending values, and enters the point's await call with a
     * null awaitable and label 0, where the await method returns the awaited value or throws.
     */
    private record Shared(LabelNode restore, Map<String, Layout> layouts, List<Run> runs) {
    }

    /**
     * The slots past every local of a direct body ({@link DirectCallee}) that keep its parameters
     * other than the arguments: the frame its caller runs under, and its own depth on the Java stack.
     *
     * @param callee the coroutine whose direct body this is
     * @param anchor the slot of the anchor frame; the depth is in the next one
     * @param copies the direct body's copy of each instruction of the body the points were laid out on
     */
    record DirectSlots(DirectCallee callee, int anchor, Map<AbstractInsnNode, AbstractInsnNode> copies) {
        int depth() {
            return anchor + 1;
        }
    }

    /**
     * @param body the body method, holding the original instructions and javac's expanded frames
     * @param continuationClass internal name of the continuation class
     * @param continuationSlot the body's parameter slot that holds the continuation
     * @param entryLocals the stack map frame locals at the body's entry: {@code this} if any, the continuation
     * @param directs the coroutines awaited by a direct call, whose awaits become calls of their direct bodies
     * @param direct null to make {@code body} the resumable body; else it becomes the direct body
     *     (its descriptor that of {@link DirectCallee#directDescriptor()}), which never resumes
     */
    SuspendPointRewriter(MethodNode body, String continuationClass, int continuationSlot, List<Object> entryLocals,
            DirectCallees directs, DirectSlots direct) {
        this.body = body;
        this.continuationClass = continuationClass;
        this.continuationSlot = continuationSlot;
        this.entryLocals = entryLocals;
        this.directs = directs;
        this.direct = direct;
    }

    /**
     * Rewrites the body. {@code points} were laid out on the instructions as they are;
     * {@code arguments} are the fields the arguments wait in.
     */
    void rewrite(List<SuspensionPoint> points, List<Spill> arguments) {
        Map<SuspensionPoint, Labels> labels = new IdentityHashMap<>();
        Map<String, List<SuspensionPoint>> byShape = new LinkedHashMap<>();
        for (SuspensionPoint point : points) {
            labels.put(point, new Labels(new LabelNode(), new LabelNode(), new LabelNode(), new LabelNode()));
            if (point.keepsLocals()) {
                byShape.computeIfAbsent(point.shape(), key -> new ArrayList<>()).add(point);
            }
        }
        Map<SuspensionPoint, Shared> shared = new IdentityHashMap<>();
        for (List<SuspensionPoint> same : byShape.values()) {
            if (same.size() > 1) {
                Map<String, Layout> layouts = new LinkedHashMap<>();
                List<Run> runs = new ArrayList<>();
                for (SuspensionPoint point : same) {
                    layouts.computeIfAbsent(point.layout(), key -> new Layout(point, new LabelNode()));
                    Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                    if (last == null || !last.points().get(0).layout().equals(point.layout())
                            || last.points().get(last.points().size() - 1).label() != point.label() - 1) {
                        last = new Run(new ArrayList<>(), new LabelNode());
                        runs.add(last);
                    }
                    last.points().add(point);
                }
                Shared block = new Shared(new LabelNode(), layouts, runs);
                same.forEach(point -> shared.put(point, block));
            }
        }
        if (direct != null) {
            for (List<SuspensionPoint> same : byShape.values()) {
                if (same.size() > 1) {
                    addSaveBlocks(same.get(0), shared.get(same.get(0)));
                }
            }
            for (SuspensionPoint point : points) {
                rewriteDirectPoint(point, shared.get(point));
            }
            body.instructions.add(sharedBlocks);
            addDirectSlotsToFrames();
            LabelNode continuationKnown = new LabelNode();
            body.instructions.insert(directPrologue(continuationKnown));
            nameContinuationSlot(continuationKnown);
            return;
        }
        List<LabelNode> entries = new ArrayList<>();
        for (SuspensionPoint point : points) {
            Shared block = shared.get(point);
            entries.add(block != null ? block.restore() : labels.get(point).restore());
        }
        labelOnStack = chainIsSmaller(entries, points.size() - shared.size() + new HashSet<>(shared.values()).size());
        for (List<SuspensionPoint> same : byShape.values()) {
            if (same.size() > 1) {
                addSaveBlocks(same.get(0), shared.get(same.get(0)));
                addRestoreBlocks(same.get(0), shared.get(same.get(0)), labels);
            }
        }
        for (SuspensionPoint point : points) {
            rewritePoint(point, labels.get(point), shared.get(point));
        }
        LabelNode continuationKnown = new LabelNode();
        body.instructions.insert(prologue(entries, arguments, continuationKnown));
        body.instructions.add(sharedBlocks);
        nameContinuationSlot(continuationKnown);
        excludeRestoreCodeFromHandlers();
    }

    /** Lists the continuation in the local variable table, so that debuggers show it beside the user's locals. */
    private void nameContinuationSlot(LabelNode start) {
        LabelNode end = new LabelNode();
        body.instructions.add(end);
        if (body.localVariables == null) {
            body.localVariables = new ArrayList<>();
        }
        body.localVariables.add(new LocalVariableNode(CONTINUATION_LOCAL_NAME, "L" + continuationClass + ";", null, start, end, continuationSlot));
    }

    private void rewritePoint(SuspensionPoint point, Labels labels, Shared shared) {
        MethodInsnNode call = point.site().call();
        DirectCallee callee = directs.calleeAt(call);
        InsnList code = new InsnList();
        code.add(loadContinuation());
        code.add(pushInt(point.label()));
        if (callee != null) {
            // the arguments are on the stack instead of the coroutine the stub would have made of them
            body.instructions.remove(DirectCallees.stubCall(call));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, callee.continuationClass(), DirectCallee.ENTER, callee.enterDescriptor(), false));
            if (shared != null) {
                // a shared restore block resumes the point through the await of the coroutine the call would have been
                LabelNode called = new LabelNode();
                code.add(new JumpInsnNode(Opcodes.GOTO, called));
                code.add(labels.call());
                code.add(frame(point.frameLocals(), callStack(point)));
                code.add(awaitCall(call));
                code.add(called);
                code.add(frame(point.frameLocals(), stackWithResult(point)));
            }
        } else {
            if (shared != null) {
                code.add(labels.call());
                code.add(frame(point.frameLocals(), callStack(point)));
            }
            code.add(awaitCall(call));
        }
        code.add(new InsnNode(Opcodes.DUP));
        code.add(suspendedMarker());
        if (shared != null) {
            code.add(new JumpInsnNode(Opcodes.IF_ACMPEQ, shared.layouts().get(point.layout()).save()));
            code.add(reload(point));
            replace(call, code, point);
            return;
        }
        code.add(new JumpInsnNode(Opcodes.IF_ACMPNE, labels.resumed()));
        code.add(saveInline(point));
        code.add(labels.restore());
        code.add(frame(entryLocals, labelOnStack ? List.of(Opcodes.INTEGER) : List.of()));
        if (labelOnStack) {
            code.add(new InsnNode(Opcodes.POP));
        }
        boolean keepsContinuation = point.stack().isEmpty();
        code.add(restoreLocals(point, keepsContinuation));
        code.add(restoreStack(point));
        code.add(labels.resume());
        if (!keepsContinuation) {
            code.add(loadContinuation());
        }
        restoreRanges.add(new LabelNode[] {labels.restore(), labels.resume()});
        code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.CONTINUATION, RuntimeNames.RESUME_RESULT,
                "()Ljava/lang/Object;", false));
        code.add(labels.resumed());
        if (!point.reloaded().isEmpty() || !(nextNonLabel(call) instanceof FrameNode)) {
            code.add(frame(point.frameLocals(), stackWithResult(point)));
        }
        code.add(reload(point));
        replace(call, code, point);
    }

    /**
     * In a direct body: the await becomes a call of the callee's direct body if it awaits a direct
     * call, else of the await method on the continuation, allocated first if this is the first
     * await to need it. If that suspends, the code at the end of the body saves the point's values
     * (after allocating the continuation and setting its label, for a direct call) and returns
     * {@code SUSPENDED}; there is no code to resume, which the resumable body does.
     */
    private void rewriteDirectPoint(SuspensionPoint point, Shared shared) {
        MethodInsnNode call = (MethodInsnNode) rewritten(point.site().call());
        DirectCallee callee = directs.calleeAt(call);
        InsnList code = new InsnList();
        if (callee != null) {
            body.instructions.remove(DirectCallees.stubCall(call));
            code.add(new VarInsnNode(Opcodes.ALOAD, direct.anchor()));
            code.add(new VarInsnNode(Opcodes.ILOAD, direct.depth()));
            code.add(callee.callOfDirectBody());
        } else {
            code.add(continuationOfDirect());
            code.add(pushInt(point.label()));
            if (RuntimeNames.awaitMethodFor(call.desc).equals(RuntimeNames.AWAIT_COROUTINE)) {
                code.add(new VarInsnNode(Opcodes.ILOAD, direct.depth()));
                code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, RuntimeNames.AWAIT_COROUTINE_AT,
                        RuntimeNames.AWAIT_COROUTINE_AT_DESC, false));
            } else {
                code.add(awaitCall(call));
            }
        }
        code.add(new InsnNode(Opcodes.DUP));
        code.add(suspendedMarker());
        LabelNode save = shared != null && callee == null ? shared.layouts().get(point.layout()).save() : new LabelNode();
        code.add(new JumpInsnNode(Opcodes.IF_ACMPEQ, save));
        code.add(reload(point));
        replace(call, code, point);
        if (shared != null && callee == null) {
            return;
        }
        sharedBlocks.add(save);
        sharedBlocks.add(frame(point.frameLocals(), stackWithResult(point)));
        if (callee != null) {
            sharedBlocks.add(continuationOfDirect());
            sharedBlocks.add(pushInt(point.label()));
            sharedBlocks.add(new FieldInsnNode(Opcodes.PUTFIELD, RuntimeNames.CONTINUATION, RuntimeNames.LABEL, "I"));
        }
        if (shared != null) {
            sharedBlocks.add(new JumpInsnNode(Opcodes.GOTO, shared.layouts().get(point.layout()).save()));
        } else {
            sharedBlocks.add(saveInline(point));
        }
    }

    /** The instruction of the method being rewritten that is {@code laidOut} (in the body the points were laid out on). */
    private AbstractInsnNode rewritten(AbstractInsnNode laidOut) {
        return direct == null ? laidOut : direct.copies().get(laidOut);
    }

    /** In a direct body: pushes its continuation, allocated now (and kept in its slot) if it has none yet. */
    private InsnList continuationOfDirect() {
        InsnList code = new InsnList();
        code.add(loadContinuation());
        code.add(new VarInsnNode(Opcodes.ALOAD, direct.anchor()));
        if (!direct.callee().isStatic()) {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        }
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, continuationClass, DirectCallee.OF_DIRECT, direct.callee().ofDirectDescriptor(), false));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new VarInsnNode(Opcodes.ASTORE, continuationSlot));
        return code;
    }

    /**
     * The start of a direct body: unless {@link RuntimeNames#DIRECT_DEPTH} sends it back to the
     * coroutine (made by the stub, awaited by the runtime), the anchor frame and the depth move to
     * their slots past the locals and the arguments one slot up, to where the body has them; the
     * continuation is null until an await needs it.
     */
    private InsnList directPrologue(LabelNode continuationKnown) {
        DirectCallee callee = direct.callee();
        int anchorParameter = callee.receiverSlots() + callee.argumentSlots();
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, anchorParameter));
        code.add(new VarInsnNode(Opcodes.ASTORE, direct.anchor()));
        code.add(new VarInsnNode(Opcodes.ILOAD, anchorParameter + 1));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, RuntimeNames.DIRECT_DEPTH, "(I)I", false));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new VarInsnNode(Opcodes.ISTORE, direct.depth()));
        LabelNode runs = new LabelNode();
        code.add(new JumpInsnNode(Opcodes.IFGE, runs));
        List<Object> parameters = new ArrayList<>();
        if (!callee.isStatic()) {
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            parameters.add(callee.owner());
        }
        int slot = callee.receiverSlots();
        for (Type argument : callee.arguments()) {
            code.add(new VarInsnNode(argument.getOpcode(Opcodes.ILOAD), slot));
            parameters.add(FrameSimulator.frameType(argument));
            slot += argument.getSize();
        }
        code.add(callee.callOfStub());
        code.add(new VarInsnNode(Opcodes.ALOAD, anchorParameter));
        code.add(new VarInsnNode(Opcodes.ILOAD, anchorParameter + 1));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, RuntimeNames.AWAIT_AS_COROUTINE,
                RuntimeNames.AWAIT_AS_COROUTINE_DESC, false));
        code.add(new InsnNode(Opcodes.ARETURN));
        parameters.add(RuntimeNames.CONTINUATION);
        parameters.add(Opcodes.INTEGER);
        code.add(runs);
        code.add(frame(withDirectSlots(parameters), List.of()));
        Type[] arguments = callee.arguments();
        int offset = anchorParameter;
        for (int i = arguments.length - 1; i >= 0; i--) {
            offset -= arguments[i].getSize();
            code.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ILOAD), offset));
            code.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ISTORE), offset + 1));
        }
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new VarInsnNode(Opcodes.ASTORE, continuationSlot));
        code.add(continuationKnown);
        return code;
    }

    /** Adds the direct body's own slots to every stack map frame in it. */
    private void addDirectSlotsToFrames() {
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof FrameNode frame) {
                frame.local = withDirectSlots(frame.local);
            }
        }
    }

    /** Frame locals {@code locals}, then {@code TOP} up to the direct body's own slots, then their types. */
    private List<Object> withDirectSlots(List<Object> locals) {
        List<Object> types = new ArrayList<>(locals);
        for (int slots = FrameSimulator.slots(types); slots < direct.anchor(); slots++) {
            types.add(Opcodes.TOP);
        }
        types.add(RuntimeNames.CONTINUATION);
        types.add(Opcodes.INTEGER);
        return types;
    }

    /** The call of the runtime's await method that implements {@code await}'s overload. */
    private static MethodInsnNode awaitCall(MethodInsnNode await) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, RuntimeNames.awaitMethodFor(await.desc),
                RuntimeNames.awaitMethodDescriptor(await.desc), false);
    }

    /** The stack map frame types of a point's pending values and the result of its await call. */
    private static List<Object> stackWithResult(SuspensionPoint point) {
        List<Object> stack = new ArrayList<>(point.frameStack());
        stack.add("java/lang/Object");
        return stack;
    }

    /** Replaces the {@code Await.on} call with {@code code}, and takes out the loads of the values the point reloads after it. */
    private void replace(MethodInsnNode call, InsnList code, SuspensionPoint point) {
        body.instructions.insert(call, code);
        body.instructions.remove(call);
        for (Spill spill : point.reloaded()) {
            body.instructions.remove(rewritten(((LoadedValue) point.site().frame().getStack(spill.index())).load()));
        }
    }

    /**
     * Loads the values a point reloads after its await call and moves the call's result above them,
     * as if they had been pending below it: one word swaps, two words duplicate the result under them.
     */
    private static InsnList reload(SuspensionPoint point) {
        InsnList code = new InsnList();
        int words = 0;
        for (Spill spill : point.reloaded()) {
            code.add(new VarInsnNode(spill.kind().loadOpcode(), spill.copyOf()));
            words += spill.kind().size();
        }
        if (words == 1) {
            code.add(new InsnNode(Opcodes.SWAP));
        } else if (words == 2) {
            code.add(new InsnNode(Opcodes.DUP2_X1));
            code.add(new InsnNode(Opcodes.POP2));
        }
        return code;
    }

    /** The stack map types of the operands of a point's await call: the pending values, the awaitable, the continuation, the label. */
    private List<Object> callStack(SuspensionPoint point) {
        Frame<BasicValue> frame = point.site().frame();
        List<Object> stack = new ArrayList<>(point.frameStack());
        stack.add(FrameSimulator.frameType(frame.getStack(frame.getStackSize() - 1)));
        stack.add(continuationClass);
        stack.add(Opcodes.INTEGER);
        return stack;
    }

    /**
     * Saving at a point of its own, with {@code SUSPENDED} on top of the pending values: the values
     * go into their fields and the body returns {@code SUSPENDED} (the await method set the label).
     */
    private InsnList saveInline(SuspensionPoint point) {
        InsnList code = new InsnList();
        boolean pending = !point.stack().isEmpty();
        if (pending) {
            code.add(new InsnNode(Opcodes.POP));
            code.add(saveStack(point));
        }
        if (point.keepsLocals()) {
            code.add(loadContinuation());
            code.add(saveLocals(point));
        }
        if (pending) {
            code.add(suspendedMarker());
        }
        code.add(returnSuspended());
        return code;
    }

    /**
     * Returns {@code SUSPENDED}, which is on the stack; a direct body first has the runtime link
     * the frames of the direct calls that suspended (see {@code Continuation.unwound}).
     */
    private InsnList returnSuspended() {
        InsnList code = new InsnList();
        if (direct != null) {
            code.add(loadContinuation());
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.CONTINUATION, RuntimeNames.UNWOUND,
                    "(L" + RuntimeNames.CONTINUATION + ";)V", false));
        }
        code.add(new InsnNode(Opcodes.ARETURN));
        return code;
    }

    /**
     * The blocks that save the values of the points of {@code shape}'s shape: each layout's entry
     * pops {@code SUSPENDED} and saves its pending values, then all save the locals and return
     * {@code SUSPENDED} (points without pending values enter there, {@code SUSPENDED} on the stack).
     */
    private void addSaveBlocks(SuspensionPoint shape, Shared block) {
        InsnList code = sharedBlocks;
        List<Layout> pending = block.layouts().values().stream().filter(layout -> !layout.first().stack().isEmpty()).toList();
        LabelNode stackSaved = new LabelNode();
        for (int i = 0; i < pending.size(); i++) {
            Layout layout = pending.get(i);
            code.add(layout.save());
            code.add(frame(shape.frameLocals(), stackWithResult(layout.first())));
            code.add(new InsnNode(Opcodes.POP));
            code.add(saveStack(layout.first()));
            if (i < pending.size() - 1) {
                code.add(new JumpInsnNode(Opcodes.GOTO, stackSaved));
            }
        }
        if (!pending.isEmpty()) {
            code.add(stackSaved);
            if (pending.size() > 1) {
                code.add(frame(shape.frameLocals(), List.of()));
            }
            code.add(suspendedMarker());
        }
        Layout empty = block.layouts().get("");
        if (empty != null) {
            code.add(empty.save());
            code.add(frame(shape.frameLocals(), List.of("java/lang/Object")));
        }
        code.add(loadContinuation());
        code.add(saveLocals(shape));
        code.add(returnSuspended());
    }

    /**
     * The block that restores the points of {@code shape}'s shape: the locals, then for the run the
     * label falls in the pending values, then a switch into the await calls.
     */
    private void addRestoreBlocks(SuspensionPoint shape, Shared block, Map<SuspensionPoint, Labels> labels) {
        InsnList code = sharedBlocks;
        code.add(block.restore());
        code.add(frame(entryLocals, labelOnStack ? List.of(Opcodes.INTEGER) : List.of()));
        if (labelOnStack) {
            code.add(new InsnNode(Opcodes.POP));
        }
        code.add(restoreLocals(shape, false));
        List<Run> runs = block.runs();
        for (int i = 0; i < runs.size(); i++) {
            List<SuspensionPoint> points = runs.get(i).points();
            if (i > 0) {
                code.add(runs.get(i).restore());
                code.add(frame(shape.frameLocals(), List.of()));
            }
            if (i < runs.size() - 1) {
                code.add(loadLabel());
                code.add(pushInt(points.get(points.size() - 1).label()));
                code.add(new JumpInsnNode(Opcodes.IF_ICMPGT, runs.get(i + 1).restore()));
            }
            code.add(restoreStack(points.get(0)));
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            code.add(loadContinuation());
            code.add(new InsnNode(Opcodes.ICONST_0));
            if (points.size() == 1) {
                code.add(new JumpInsnNode(Opcodes.GOTO, labels.get(points.get(0)).call()));
            } else {
                code.add(loadLabel());
                code.add(labelSwitch(points, labels));
            }
        }
    }

    /** Pushes the continuation's {@code label}. */
    private InsnList loadLabel() {
        InsnList code = new InsnList();
        code.add(loadContinuation());
        code.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeNames.CONTINUATION, RuntimeNames.LABEL, "I"));
        return code;
    }

    /**
     * The switch from the label to the await call of each point: a table when the labels are
     * dense (the layout numbers points that keep the same values consecutively), else a lookup.
     */
    private static AbstractInsnNode labelSwitch(List<SuspensionPoint> points, Map<SuspensionPoint, Labels> labels) {
        int first = points.get(0).label();
        int last = points.get(points.size() - 1).label();
        LabelNode fallback = labels.get(points.get(0)).call();
        if ((long) (last - first + 1) * 4 <= (long) points.size() * 8) {
            LabelNode[] targets = new LabelNode[last - first + 1];
            java.util.Arrays.fill(targets, fallback);
            points.forEach(point -> targets[point.label() - first] = labels.get(point).call());
            return new TableSwitchInsnNode(first, last, fallback, targets);
        }
        int[] keys = points.stream().mapToInt(SuspensionPoint::label).toArray();
        LabelNode[] targets = points.stream().map(point -> labels.get(point).call()).toArray(LabelNode[]::new);
        return new LookupSwitchInsnNode(fallback, keys, targets);
    }

    /** Pops the pending values, top first, into their fields; a known {@code null} or a copy of a local is just popped. */
    private InsnList saveStack(SuspensionPoint point) {
        InsnList code = new InsnList();
        for (int i = point.stack().size() - 1; i >= 0; i--) {
            Spill spill = point.stack().get(i);
            if (spill.field() == null) {
                code.add(new InsnNode(spill.kind().size() == 2 ? Opcodes.POP2 : Opcodes.POP));
            } else {
                code.add(loadContinuation());
                if (spill.kind().size() == 2) {
                    code.add(new InsnNode(Opcodes.DUP_X2));
                    code.add(new InsnNode(Opcodes.POP));
                } else {
                    code.add(new InsnNode(Opcodes.SWAP));
                }
                code.add(put(spill.field()));
            }
        }
        return code;
    }

    /** With the continuation on the stack: stores the kept locals and clears the fields to clear, consuming it. */
    private InsnList saveLocals(SuspensionPoint point) {
        List<InsnList> stores = new ArrayList<>();
        for (Spill spill : point.locals()) {
            if (spill.field() != null) {
                InsnList store = new InsnList();
                store.add(new VarInsnNode(spill.kind().loadOpcode(), spill.index()));
                store.add(put(spill.field()));
                stores.add(store);
            }
        }
        for (ContinuationField field : point.clears()) {
            InsnList clear = new InsnList();
            clear.add(new InsnNode(Opcodes.ACONST_NULL));
            clear.add(put(field));
            stores.add(clear);
        }
        InsnList code = new InsnList();
        for (int i = 0; i < stores.size(); i++) {
            if (i < stores.size() - 1) {
                code.add(new InsnNode(Opcodes.DUP));
            }
            code.add(stores.get(i));
        }
        if (stores.isEmpty()) {
            code.add(new InsnNode(Opcodes.POP));
        }
        return code;
    }

    /** Restores the kept locals, leaving the continuation on the stack if {@code keepContinuation}. */
    private InsnList restoreLocals(SuspensionPoint point, boolean keepContinuation) {
        InsnList code = new InsnList();
        List<Spill> kept = point.locals().stream().filter(spill -> spill.field() != null).toList();
        if (!kept.isEmpty() || keepContinuation) {
            code.add(loadContinuation());
            for (int i = 0; i < kept.size(); i++) {
                if (keepContinuation || i < kept.size() - 1) {
                    code.add(new InsnNode(Opcodes.DUP));
                }
                code.add(new FieldInsnNode(Opcodes.GETFIELD, continuationClass, kept.get(i).field().name(), kept.get(i).field().descriptor()));
                code.add(new VarInsnNode(kept.get(i).kind().storeOpcode(), kept.get(i).index()));
            }
        }
        for (Spill spill : point.locals()) {
            if (spill.field() == null) {
                code.add(new InsnNode(Opcodes.ACONST_NULL));
                code.add(new VarInsnNode(Opcodes.ASTORE, spill.index()));
            }
        }
        return code;
    }

    /** Pushes the pending values back, bottom first. */
    private InsnList restoreStack(SuspensionPoint point) {
        InsnList code = new InsnList();
        for (Spill spill : point.stack()) {
            if (spill.copyOf() >= 0) {
                code.add(new VarInsnNode(spill.kind().loadOpcode(), spill.copyOf()));
            } else if (spill.field() == null) {
                code.add(new InsnNode(Opcodes.ACONST_NULL));
            } else {
                code.add(loadContinuation());
                code.add(new FieldInsnNode(Opcodes.GETFIELD, continuationClass, spill.field().name(), spill.field().descriptor()));
            }
        }
        return code;
    }

    /**
     * Whether dispatching on the label with a chain of comparisons is smaller than with a table.
     * Points that share a restore block have consecutive labels, so a chain needs one comparison
     * per run of labels with the same entry ({@code entries}, by label) where a table needs four
     * bytes per label; the chain leaves the label on the stack, where each of the {@code pops}
     * entries (a point that restores on its own, or a shared block) pops it.
     */
    private static boolean chainIsSmaller(List<LabelNode> entries, int pops) {
        if (entries.size() < 2) {
            return false;
        }
        int chain = 4 + 1 + 3 + 3 + 1 + pops;
        for (int label = 1; label < entries.size(); label++) {
            if (entries.get(label) != entries.get(label - 1)) {
                chain += 1 + pushSize(label) + 3;
            }
        }
        int table = 4 + 16 + 4 * entries.size();
        return chain < table;
    }

    /** Switches on the continuation's {@code label}, and on a first run loads the arguments. */
    private InsnList prologue(List<LabelNode> entries, List<Spill> arguments, LabelNode continuationKnown) {
        InsnList code = new InsnList();
        code.add(continuationKnown);
        boolean dispatches = !entries.isEmpty();
        if (dispatches) {
            LabelNode start = new LabelNode();
            code.add(loadContinuation());
            code.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeNames.CONTINUATION, RuntimeNames.LABEL, "I"));
            if (labelOnStack) {
                code.add(new InsnNode(Opcodes.DUP));
                code.add(new JumpInsnNode(Opcodes.IFEQ, start));
                for (int label = 1; label < entries.size(); label++) {
                    if (entries.get(label) != entries.get(label - 1)) {
                        code.add(new InsnNode(Opcodes.DUP));
                        code.add(pushInt(label));
                        code.add(new JumpInsnNode(Opcodes.IF_ICMPLE, entries.get(label - 1)));
                    }
                }
                code.add(new JumpInsnNode(Opcodes.GOTO, entries.get(entries.size() - 1)));
                code.add(start);
                code.add(frame(entryLocals, List.of(Opcodes.INTEGER)));
                code.add(new InsnNode(Opcodes.POP));
            } else {
                if (entries.size() == 1) {
                    code.add(new JumpInsnNode(Opcodes.IFNE, entries.get(0)));
                } else {
                    code.add(new TableSwitchInsnNode(1, entries.size(), start, entries.toArray(new LabelNode[0])));
                }
                code.add(start);
                code.add(frame(entryLocals, List.of()));
            }
        }
        for (Spill argument : arguments) {
            code.add(loadContinuation());
            code.add(new FieldInsnNode(Opcodes.GETFIELD, continuationClass, argument.field().name(), argument.field().descriptor()));
            code.add(new VarInsnNode(argument.kind().storeOpcode(), argument.index()));
        }
        if (dispatches && code.getLast() instanceof FrameNode) {
            // javac may have put a frame on the first instruction: two frames cannot share an offset
            code.add(new InsnNode(Opcodes.NOP));
        }
        return code;
    }

    /**
     * The code that restores values runs with partly restored locals, which no handler's frame would
     * accept; it cannot throw, so it is cut out of every try block. The await call before it and the
     * result call after it stay covered, so an awaited exception reaches the user's handler.
     */
    private void excludeRestoreCodeFromHandlers() {
        InsnList insns = body.instructions;
        for (LabelNode[] range : restoreRanges) {
            List<TryCatchBlockNode> split = new ArrayList<>();
            for (TryCatchBlockNode block : body.tryCatchBlocks) {
                int start = insns.indexOf(block.start);
                int end = insns.indexOf(block.end);
                int cut = insns.indexOf(range[0]);
                if (start <= cut && cut < end) {
                    split.add(new TryCatchBlockNode(block.start, range[0], block.handler, block.type));
                    split.add(new TryCatchBlockNode(range[1], block.end, block.handler, block.type));
                } else {
                    split.add(block);
                }
            }
            body.tryCatchBlocks = split;
        }
    }

    private static FrameNode frame(List<Object> locals, List<Object> stack) {
        return new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray());
    }

    /**
     * The node after {@code insn}, past labels and line numbers. When javac put a frame there (the
     * await ends a branch that joins), that frame already fits both ways in, and a second frame at
     * the same offset would be invalid.
     */
    private static AbstractInsnNode nextNonLabel(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next instanceof LabelNode || next instanceof LineNumberNode) {
            next = next.getNext();
        }
        return next;
    }

    private VarInsnNode loadContinuation() {
        return new VarInsnNode(Opcodes.ALOAD, continuationSlot);
    }

    private FieldInsnNode put(ContinuationField field) {
        return new FieldInsnNode(Opcodes.PUTFIELD, continuationClass, field.name(), field.descriptor());
    }

    private static AbstractInsnNode pushInt(int value) {
        if (value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value <= Short.MAX_VALUE) {
            return new IntInsnNode(value <= Byte.MAX_VALUE ? Opcodes.BIPUSH : Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }

    /** The bytes {@link #pushInt} takes for {@code value}. */
    private static int pushSize(int value) {
        return value <= 5 ? 1 : value <= Byte.MAX_VALUE ? 2 : 3;
    }

    private static FieldInsnNode suspendedMarker() {
        return new FieldInsnNode(Opcodes.GETSTATIC, RuntimeNames.CONTINUATION, RuntimeNames.SUSPENDED, "Ljava/lang/Object;");
    }
}
