package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Splits one coroutine method in three: the method itself becomes a stub that only allocates the
 * continuation frame and stores the arguments in it; a body method of the same name, taking the
 * frame, holds the original code rewritten by {@link SuspendPointRewriter}; and a new frame class
 * written by {@link ContinuationClassWriter} ties them together. Before the rewrite, each pass
 * leaves only locals to keep at an await: {@link ReturnRewriter} turns returns into results,
 * {@link AllocationMover} moves pending allocations past awaits, {@link StackSpiller} moves the
 * rest of the operand stack into locals, and {@link LiveLocals} tells which locals are read again.
 */
final class CoroutineSplitter {
    private final ClassNode owner;
    private final SourceLines lines;

    /** What splitting one method produced. */
    record Split(MethodNode body, String frameClass, byte[] frameClassBytes) {
    }

    CoroutineSplitter(ClassNode owner) {
        this.owner = owner;
        this.lines = new SourceLines(owner);
    }

    /** Splits {@code method}, which becomes the stub; throws if it uses what is not supported. */
    Split split(MethodNode method, String frameClass) throws InstrumentationException {
        boolean isStatic = FrameLayout.isStatic(method.access);
        ReturnRewriter.rewrite(method);
        List<AwaitSite> sites = findSites(method);
        FrameLayout layout = new FrameLayout(isStatic);
        layout.addArguments(method.desc);
        for (AwaitSite site : sites) {
            layout.addLocals(site);
        }
        String bodyDescriptor = "(L" + frameClass + ";)Ljava/lang/Object;";
        MethodNode body = bodyOf(method, bodyDescriptor);
        int[] siteLines = siteLines(method, sites);
        int parameterSlot = isStatic ? 0 : 1;
        int frameSlot = Math.max(method.maxLocals, parameterSlot + 1);
        new SuspendPointRewriter(body, frameClass, layout, frameSlot, entryLocals(isStatic, frameClass, frameSlot))
                .rewrite(sites, parameterSlot, method.desc);
        becomeStub(method, frameClass, layout);
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        byte[] frameClassBytes = new ContinuationClassWriter(owner.version, owner.name, isInterface, owner.sourceFile)
                .write(frameClass, method.name, bodyDescriptor, isStatic, layout, siteLines);
        return new Split(body, frameClass, frameClassBytes);
    }

    private List<AwaitSite> findSites(MethodNode method) throws InstrumentationException {
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
        throwIfAny(problems);
        throwIfAny(new AllocationMover(owner.name, method, lines).move());
        throwIfAny(new StackSpiller(owner.name, method, lines).spill());
        FrameSimulator simulator = new FrameSimulator(owner.name, method);
        List<MethodInsnNode> awaits = new ArrayList<>();
        List<Frame<BasicValue>> frames = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (CoroutineMethodFinder.isAwait(insn)) {
                try {
                    frames.add(simulator.frameBefore(insn));
                    awaits.add((MethodInsnNode) insn);
                } catch (AnalyzerException | RuntimeException e) {
                    problems.add(lines.at(insn, "cannot analyse the code around Await.on: " + e.getMessage()));
                }
            }
        }
        throwIfAny(problems);
        LiveLocals live = LiveLocals.of(method);
        List<AwaitSite> sites = new ArrayList<>();
        for (int i = 0; i < awaits.size(); i++) {
            sites.add(new AwaitSite(awaits.get(i), i + 1, frames.get(i), live.before(awaits.get(i))));
        }
        return sites;
    }

    private static void throwIfAny(List<Problem> problems) throws InstrumentationException {
        if (!problems.isEmpty()) {
            throw new InstrumentationException(problems);
        }
    }

    private MethodNode bodyOf(MethodNode method, String bodyDescriptor) {
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        int access = Opcodes.ACC_SYNTHETIC | (method.access & Opcodes.ACC_STATIC);
        if (isInterface) {
            access |= Opcodes.ACC_PUBLIC;
        } else if (!FrameLayout.isStatic(method.access)) {
            access |= Opcodes.ACC_FINAL;
        }
        MethodNode body = new MethodNode(Opcodes.ASM9, access, method.name, bodyDescriptor, null, null);
        body.instructions = method.instructions;
        body.tryCatchBlocks = method.tryCatchBlocks;
        body.localVariables = method.localVariables;
        body.maxLocals = method.maxLocals;
        body.maxStack = method.maxStack;
        return body;
    }

    private List<Object> entryLocals(boolean isStatic, String frameClass, int frameSlot) {
        List<Object> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(owner.name);
        }
        locals.add(frameClass);
        while (locals.size() < frameSlot) {
            locals.add(Opcodes.TOP);
        }
        locals.add(frameClass);
        return locals;
    }

    private static int[] siteLines(MethodNode method, List<AwaitSite> sites) {
        int[] result = new int[sites.size() + 1];
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode line) {
                result[0] = line.line;
                break;
            }
        }
        for (AwaitSite site : sites) {
            result[site.label()] = SourceLines.lineOf(site.call());
        }
        return result;
    }

    private void becomeStub(MethodNode method, String frameClass, FrameLayout layout) {
        InsnList code = new InsnList();
        code.add(new TypeInsnNode(Opcodes.NEW, frameClass));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, frameClass, "<init>", "()V", false));
        int slot = 0;
        if (!FrameLayout.isStatic(method.access)) {
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, FrameLayout.SELF, Type.getObjectType(owner.name).getDescriptor()));
            slot = 1;
        }
        for (Type argument : Type.getArgumentTypes(method.desc)) {
            SpillKind kind = FrameLayout.kindOf(argument);
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new VarInsnNode(kind.loadOpcode(), slot));
            code.add(new FieldInsnNode(Opcodes.PUTFIELD, frameClass, kind.fieldName(slot), kind.descriptor()));
            slot += argument.getSize();
        }
        code.add(new InsnNode(Opcodes.ARETURN));
        method.instructions = code;
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        method.maxLocals = slot;
        method.maxStack = 4;
    }
}
