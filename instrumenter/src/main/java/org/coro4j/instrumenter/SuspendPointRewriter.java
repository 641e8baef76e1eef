package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Rewrites a coroutine body into a resumable state machine, in place. Each {@code Await.on} becomes
 * a call of the frame's await method; if that suspends, the live locals go into the frame's fields
 * and the body returns {@code SUSPENDED}. A switch on the frame's {@code label} at the top jumps to
 * the code that reloads the locals and takes the awaited result. Stack map frames are javac's,
 * widened by the slot that holds the frame, plus exact frames at every new branch target.
 */
final class SuspendPointRewriter {
    /** The debugger-visible name of the local that holds the continuation frame. */
    static final String FRAME_LOCAL_NAME = "$frame";

    private final MethodNode body;
    private final String frameClass;
    private final FrameLayout layout;
    private final int frameSlot;
    private final List<Object> entryLocals;
    private final List<LabelNode[]> restoreRanges = new ArrayList<>();

    /**
     * @param body the body method, holding the original instructions and javac's expanded frames
     * @param frameClass internal name of the continuation frame class
     * @param layout the frame's fields
     * @param frameSlot the local slot that holds the frame while the body runs
     * @param entryLocals the stack map frame locals at the body's entry, with the frame in {@code frameSlot}
     */
    SuspendPointRewriter(MethodNode body, String frameClass, FrameLayout layout, int frameSlot, List<Object> entryLocals) {
        this.body = body;
        this.frameClass = frameClass;
        this.layout = layout;
        this.frameSlot = frameSlot;
        this.entryLocals = entryLocals;
    }

    /** Rewrites the body; {@code sites} were found and simulated before any change. */
    void rewrite(List<AwaitSite> sites, int parameterSlot, String descriptor) {
        widenJavacFrames();
        List<LabelNode> resumeLabels = new ArrayList<>();
        for (AwaitSite site : sites) {
            resumeLabels.add(rewriteSite(site));
        }
        LabelNode frameKnown = new LabelNode();
        InsnList prologue = prologue(resumeLabels, parameterSlot, descriptor);
        prologue.insert(prologue.get(1), frameKnown);
        body.instructions.insert(prologue);
        nameFrameSlot(frameKnown);
        excludeRestoreCodeFromHandlers();
        body.maxLocals = Math.max(body.maxLocals, frameSlot + 1);
    }

    /** Lists the frame in the local variable table, so that debuggers show it beside the user's locals. */
    private void nameFrameSlot(LabelNode start) {
        LabelNode end = new LabelNode();
        body.instructions.add(end);
        if (body.localVariables == null) {
            body.localVariables = new ArrayList<>();
        }
        body.localVariables.add(new LocalVariableNode(FRAME_LOCAL_NAME, "L" + frameClass + ";", null, start, end, frameSlot));
    }

    private void widenJavacFrames() {
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof FrameNode frame) {
                frame.local = withFrameSlot(frame.local);
            }
        }
    }

    private List<Object> withFrameSlot(List<Object> locals) {
        List<Object> widened = new ArrayList<>(locals);
        int slots = 0;
        for (Object type : widened) {
            slots += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
        }
        for (; slots < frameSlot; slots++) {
            widened.add(Opcodes.TOP);
        }
        widened.add(frameClass);
        return widened;
    }

    private LabelNode rewriteSite(AwaitSite site) {
        Frame<BasicValue> frame = site.frame();
        LabelNode restore = new LabelNode();
        LabelNode resume = new LabelNode();
        LabelNode resumed = new LabelNode();
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(new InsnNode(Opcodes.SWAP));
        String awaitMethod = RuntimeNames.awaitMethodFor(site.call().desc);
        code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.CONTINUATION, awaitMethod, site.call().desc, false));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(suspendedMarker());
        code.add(new JumpInsnNode(Opcodes.IF_ACMPNE, resumed));
        code.add(new InsnNode(Opcodes.POP));
        code.add(saveLocals(site));
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(new LdcInsnNode(site.label()));
        code.add(new FieldInsnNode(Opcodes.PUTFIELD, RuntimeNames.CONTINUATION, RuntimeNames.LABEL, "I"));
        code.add(suspendedMarker());
        code.add(new InsnNode(Opcodes.ARETURN));
        code.add(restore);
        code.add(new FrameNode(Opcodes.F_NEW, entryLocals.size(), entryLocals.toArray(), 0, new Object[0]));
        code.add(restoreLocals(site));
        code.add(resume);
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RuntimeNames.CONTINUATION, RuntimeNames.RESUME_RESULT,
                "()Ljava/lang/Object;", false));
        code.add(resumed);
        if (!(nextNonLabel(site.call()) instanceof FrameNode)) {
            List<Object> locals = withFrameSlot(FrameSimulator.localTypes(frame));
            List<Object> stack = FrameSimulator.stackTypes(frame, frame.getStackSize() - 1);
            stack.add("java/lang/Object");
            code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray()));
        }
        body.instructions.insert(site.call(), code);
        body.instructions.remove(site.call());
        restoreRanges.add(new LabelNode[] {restore, resume});
        return restore;
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

    /**
     * Stores the live locals in their fields, and clears the reference fields that other suspension
     * points use, so that a suspended coroutine keeps no object it will not read again.
     */
    private InsnList saveLocals(AwaitSite site) {
        InsnList code = new InsnList();
        Set<String> saved = new HashSet<>();
        for (int slot = 0; slot < site.frame().getLocals(); slot++) {
            SpillKind kind = layout.spillKindAt(site, slot);
            if (kind != null) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new VarInsnNode(kind.loadOpcode(), slot));
                code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, kind.fieldName(slot), kind.descriptor()));
                saved.add(kind.fieldName(slot));
            }
        }
        for (Map.Entry<String, SpillKind> field : layout.fields().entrySet()) {
            if (field.getValue() == SpillKind.REFERENCE && !saved.contains(field.getKey())) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new InsnNode(Opcodes.ACONST_NULL));
                code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, field.getKey(), field.getValue().descriptor()));
            }
        }
        return code;
    }

    /**
     * Reloads the live locals from their fields. A dead local that javac's later frames may still
     * list gets a constant of its kind (0 or null): nothing reads it, but the types stay as javac
     * declared them.
     */
    private InsnList restoreLocals(AwaitSite site) {
        InsnList code = new InsnList();
        for (int slot = layout.firstSpilledSlot(); slot < site.frame().getLocals(); slot++) {
            BasicValue value = site.frame().getLocal(slot);
            SpillKind kind = layout.spillKindAt(site, slot);
            if (kind != null) {
                code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, kind.fieldName(slot), kind.descriptor()));
                if (kind == SpillKind.REFERENCE && !value.getType().getInternalName().equals("java/lang/Object")) {
                    code.add(new TypeInsnNode(Opcodes.CHECKCAST, value.getType().getInternalName()));
                }
                code.add(new VarInsnNode(kind.storeOpcode(), slot));
            } else if (!(value instanceof UninitializedValue) && SpillKind.of(value) != null) {
                SpillKind dead = SpillKind.of(value);
                code.add(new InsnNode(dead.zeroOpcode()));
                code.add(new VarInsnNode(dead.storeOpcode(), slot));
            }
        }
        return code;
    }

    /** The switch on {@code label} and the code that loads the arguments on a first run. */
    private InsnList prologue(List<LabelNode> resumeLabels, int parameterSlot, String descriptor) {
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, parameterSlot));
        code.add(new VarInsnNode(Opcodes.ASTORE, frameSlot));
        LabelNode start = new LabelNode();
        boolean dispatches = !resumeLabels.isEmpty();
        if (dispatches) {
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, RuntimeNames.CONTINUATION, RuntimeNames.LABEL, "I"));
            code.add(new TableSwitchInsnNode(1, resumeLabels.size(), start, resumeLabels.toArray(new LabelNode[0])));
            code.add(start);
            code.add(new FrameNode(Opcodes.F_NEW, entryLocals.size(), entryLocals.toArray(), 0, new Object[0]));
        }
        int slot = layout.firstSpilledSlot();
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            SpillKind kind = FrameLayout.kindOf(argument);
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new FieldInsnNode(Opcodes.GETFIELD, frameClass, kind.fieldName(slot), kind.descriptor()));
            if (kind == SpillKind.REFERENCE && !argument.getInternalName().equals("java/lang/Object")) {
                code.add(new TypeInsnNode(Opcodes.CHECKCAST, argument.getInternalName()));
            }
            code.add(new VarInsnNode(kind.storeOpcode(), slot));
            slot += argument.getSize();
        }
        if (dispatches && code.getLast() instanceof FrameNode) {
            // javac may have put a frame on the first instruction: two frames cannot share an offset
            code.add(new InsnNode(Opcodes.NOP));
        }
        return code;
    }

    /**
     * The code that reloads locals runs with partly restored locals, which no handler's frame would
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

    private static FieldInsnNode suspendedMarker() {
        return new FieldInsnNode(Opcodes.GETSTATIC, RuntimeNames.CONTINUATION, RuntimeNames.SUSPENDED, "Ljava/lang/Object;");
    }
}
