package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The fields of one continuation class, and which field keeps which value at each suspension point.
 * Fields are typed exactly and shared between suspension points, as Kotlin's spilling shares them:
 * at each point the n-th kept value of a type goes into the n-th field of that type, so a class has
 * as many fields of a type as the most values of that type live at any one point. The arguments go
 * into the same fields until the body starts; {@code self} keeps the receiver of an instance method.
 */
final class ContinuationLayout {
    static final String SELF = "self";

    private final int firstKeptSlot;
    private final Map<String, List<ContinuationField>> byDescriptor = new HashMap<>();
    private final Map<String, ContinuationField> fields = new LinkedHashMap<>();
    private final int[] perKind = new int[SpillKind.values().length];
    /** The slots that hold a value at each site of the method being laid out. */
    private final Map<AwaitSite, BitSet> typed = new IdentityHashMap<>();

    /** A layout for a body whose locals from {@code firstKeptSlot} on may be kept (below it: {@code this}, the continuation). */
    ContinuationLayout(int firstKeptSlot) {
        this.firstKeptSlot = firstKeptSlot;
    }

    static boolean isStatic(int access) {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    /** Every field, in the order they were first used. */
    List<ContinuationField> fields() {
        return List.copyOf(fields.values());
    }

    /** The fields that keep the arguments of {@code descriptor} from the call until the body starts, by slot in the body. */
    List<Spill> arguments(String descriptor) {
        Map<String, Integer> used = new HashMap<>();
        List<Spill> spills = new ArrayList<>();
        int slot = firstKeptSlot;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            spills.add(new Spill(slot, argument, next(argument, used)));
            slot += argument.getSize();
        }
        return spills;
    }

    /**
     * Lays out every suspension point of {@code method}, whose instructions must be those the sites
     * were found in; the points come back in label order. Points where the same locals hold values
     * of the same types get consecutive labels (and among them, those whose pending values are kept
     * alike, see {@link SuspensionPoint#layout()}), and keep the same
     * locals in the same fields (all those live at any of them), so that they can share the code
     * that saves and restores them; a point unlike any other keeps only its live locals. A
     * reference field is cleared at a point only if an earlier suspension may have left a value in
     * it that this point does not overwrite; the arguments, like a Python frame's, stay referenced
     * until a suspension reuses their fields.
     */
    List<SuspensionPoint> suspensionPoints(MethodNode method, List<AwaitSite> sites) {
        typed.clear();
        Map<AbstractInsnNode, AwaitSite> byCall = new IdentityHashMap<>();
        for (AwaitSite site : sites) {
            typed.put(site, typedSlots(site, byCall));
            byCall.put(site.call(), site);
        }
        Map<String, List<AwaitSite>> alike = new LinkedHashMap<>();
        for (AwaitSite site : sites) {
            alike.computeIfAbsent(typedLocals(site), key -> new ArrayList<>()).add(site);
        }
        Map<AwaitSite, BitSet> keptSlots = new IdentityHashMap<>();
        for (List<AwaitSite> same : alike.values()) {
            BitSet slots = new BitSet();
            same.forEach(site -> slots.or(site.live()));
            same.forEach(site -> keptSlots.put(site, slots));
        }
        List<List<Spill>> locals = new ArrayList<>();
        List<List<Spill>> stacks = new ArrayList<>();
        List<List<Spill>> reloads = new ArrayList<>();
        for (AwaitSite site : sites) {
            Map<String, Integer> used = new HashMap<>();
            locals.add(keptLocals(site, keptSlots.get(site), used));
            List<Spill> stack = keptStack(site, keptSlots.get(site), used);
            int moved = reloadedFrom(site, stack, byCall.keySet());
            stacks.add(stack.subList(0, stack.size() - moved));
            reloads.add(stack.subList(stack.size() - moved, stack.size()));
        }
        List<ContinuationField> references = new ArrayList<>();
        Map<ContinuationField, Integer> referenceIds = new HashMap<>();
        for (ContinuationField field : fields.values()) {
            if (field.kind() == SpillKind.REFERENCE) {
                referenceIds.put(field, references.size());
                references.add(field);
            }
        }
        InsnList insns = method.instructions;
        BitSet[] kept = new BitSet[insns.size()];
        for (int i = 0; i < sites.size(); i++) {
            BitSet written = referenceBits(referenceIds, locals.get(i));
            written.or(referenceBits(referenceIds, stacks.get(i)));
            kept[insns.indexOf(sites.get(i).call())] = written;
        }
        BitSet[] occupied = ControlFlow.of(method).forward(new BitSet(), kept);
        Map<BitSet, BitSet> clearsBySlots = new IdentityHashMap<>();
        Map<BitSet, BitSet> stackFieldsBySlots = new IdentityHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            int index = insns.indexOf(sites.get(i).call());
            BitSet clear = (BitSet) occupied[index].clone();
            clear.andNot(kept[index]);
            clearsBySlots.computeIfAbsent(keptSlots.get(sites.get(i)), key -> new BitSet()).or(clear);
            stackFieldsBySlots.computeIfAbsent(keptSlots.get(sites.get(i)), key -> new BitSet())
                    .or(referenceBits(referenceIds, stacks.get(i)));
        }
        Map<AwaitSite, Integer> labels = new IdentityHashMap<>();
        Map<AwaitSite, Integer> indexes = new IdentityHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            indexes.put(sites.get(i), i);
        }
        for (List<AwaitSite> same : alike.values()) {
            Map<String, List<AwaitSite>> byLayout = new LinkedHashMap<>();
            same.forEach(site -> byLayout.computeIfAbsent(SuspensionPoint.layoutOf(stacks.get(indexes.get(site))), key -> new ArrayList<>()).add(site));
            byLayout.values().forEach(layout -> layout.forEach(site -> labels.put(site, labels.size() + 1)));
        }
        SuspensionPoint[] points = new SuspensionPoint[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            AwaitSite site = sites.get(i);
            BitSet slots = keptSlots.get(site);
            BitSet clear = (BitSet) clearsBySlots.get(slots).clone();
            clear.andNot(stackFieldsBySlots.get(slots));
            clear.andNot(referenceBits(referenceIds, locals.get(i)));
            List<ContinuationField> clears = new ArrayList<>();
            clear.stream().forEach(id -> clears.add(references.get(id)));
            Frame<BasicValue> frame = site.frame();
            int label = labels.get(site);
            points[label - 1] = new SuspensionPoint(site, label, locals.get(i), stacks.get(i), reloads.get(i), clears,
                    frameLocals(site, slots), FrameSimulator.stackTypes(frame, stacks.get(i).size()));
        }
        return List.of(points);
    }

    /**
     * The slots that hold a value at {@code site} once the body is rewritten. The simulated frame
     * comes from javac's frame before the site; an await in between now has a frame of its own,
     * after which only what that await kept, or what was written since, holds a value.
     */
    private BitSet typedSlots(AwaitSite site, Map<AbstractInsnNode, AwaitSite> earlier) {
        Frame<BasicValue> frame = site.frame();
        BitSet slots = new BitSet();
        for (int slot = firstKeptSlot; slot < frame.getLocals(); slot++) {
            if (holdsValue(frame.getLocal(slot))) {
                slots.set(slot);
            }
        }
        BitSet written = new BitSet();
        for (AbstractInsnNode insn = site.call().getPrevious(); insn != null && !(insn instanceof FrameNode); insn = insn.getPrevious()) {
            AwaitSite previous = earlier.get(insn);
            if (previous != null) {
                BitSet kept = (BitSet) previous.live().clone();
                kept.and(typed.get(previous));
                kept.or(written);
                slots.and(kept);
                break;
            }
            if (insn instanceof VarInsnNode store && store.getOpcode() >= Opcodes.ISTORE && store.getOpcode() <= Opcodes.ASTORE) {
                written.set(store.var);
            } else if (insn instanceof IincInsnNode increment) {
                written.set(increment.var);
            }
        }
        return slots;
    }

    /** The locals that hold a value at {@code site} (live or not), with their exact types. */
    private String typedLocals(AwaitSite site) {
        StringBuilder text = new StringBuilder();
        Frame<BasicValue> frame = site.frame();
        typed.get(site).stream().forEach(slot -> text.append(slot).append(':').append(frame.getLocal(slot).getType()).append(','));
        return text.toString();
    }

    private List<Spill> keptLocals(AwaitSite site, BitSet slots, Map<String, Integer> used) {
        List<Spill> spills = new ArrayList<>();
        Frame<BasicValue> frame = site.frame();
        for (int slot = firstKeptSlot; slot < frame.getLocals(); slot++) {
            BasicValue value = frame.getLocal(slot);
            if (isKept(site, slots, slot)) {
                spills.add(new Spill(slot, value.getType(), isNull(value) ? null : next(value.getType(), used)));
            }
        }
        return spills;
    }

    private List<Spill> keptStack(AwaitSite site, BitSet slots, Map<String, Integer> used) {
        Frame<BasicValue> frame = site.frame();
        List<Spill> spills = new ArrayList<>();
        for (int i = 0; i < frame.getStackSize() - 1; i++) {
            BasicValue value = frame.getStack(i);
            int copyOf = copiedLocal(frame, value);
            if (isNull(value)) {
                spills.add(new Spill(i, value.getType(), null));
            } else if (copyOf >= 0 && isKept(site, slots, copyOf)) {
                spills.add(new Spill(i, value.getType(), null, copyOf));
            } else {
                spills.add(new Spill(i, value.getType(), next(value.getType(), used)));
            }
        }
        return spills;
    }

    /**
     * How many of the pending values on top of {@code stack} (at most two words) are copies of kept
     * locals whose loads can move to after the await: the code between the load and the await
     * neither branches nor duplicates or swaps stack values, nor awaits ({@code awaits}). A point
     * then loads them again after its await call instead of keeping and restoring them.
     */
    private static int reloadedFrom(AwaitSite site, List<Spill> stack, Set<AbstractInsnNode> awaits) {
        int moved = 0;
        int words = 0;
        for (int i = stack.size() - 1; i >= 0; i--) {
            Spill spill = stack.get(i);
            words += spill.kind().size();
            if (spill.copyOf() < 0 || words > 2 || !movesAfter(((LoadedValue) site.frame().getStack(i)).load(), site.call(), awaits)) {
                break;
            }
            moved++;
        }
        return moved;
    }

    private static boolean movesAfter(AbstractInsnNode load, AbstractInsnNode call, Set<AbstractInsnNode> awaits) {
        for (AbstractInsnNode insn = load.getNext(); insn != call; insn = insn.getNext()) {
            int opcode = insn.getOpcode();
            if (insn instanceof FrameNode || insn instanceof JumpInsnNode || insn instanceof TableSwitchInsnNode
                    || insn instanceof LookupSwitchInsnNode || (opcode >= Opcodes.DUP && opcode <= Opcodes.SWAP) || awaits.contains(insn)) {
                return false;
            }
        }
        return true;
    }

    /** The local that pending {@code value} is an unchanged copy of, or -1. */
    static int copiedLocal(Frame<BasicValue> frame, BasicValue value) {
        return value instanceof LoadedValue loaded && frame.getLocal(loaded.slot()) == loaded.source() ? loaded.slot() : -1;
    }

    /** Whether local {@code slot} is kept at {@code site}: one of {@code slots} that holds a value there. */
    private boolean isKept(AwaitSite site, BitSet slots, int slot) {
        return slot >= firstKeptSlot && slots.get(slot) && typed.get(site).get(slot);
    }

    private static boolean holdsValue(BasicValue value) {
        return !(value instanceof UninitializedValue) && SpillKind.of(value) != null;
    }

    /**
     * The frame locals after {@code site}: what is kept, as simulated; {@code this}; every other slot
     * {@code TOP}, except that the list ends with its last slot that is not: a slot the code no longer
     * reads or writes (a temporary whose copy is loaded again after the await) is not counted in the
     * method's computed {@code max_locals}, and a frame naming more slots is a class format error.
     */
    private List<Object> frameLocals(AwaitSite site, BitSet slots) {
        Frame<BasicValue> frame = site.frame();
        List<Object> types = new ArrayList<>();
        for (int slot = 0; slot < frame.getLocals(); slot++) {
            BasicValue value = frame.getLocal(slot);
            if (slot < firstKeptSlot || isKept(site, slots, slot)) {
                types.add(FrameSimulator.frameType(value));
                slot += value.getSize() - 1;
            } else {
                types.add(Opcodes.TOP);
            }
        }
        while (!types.isEmpty() && types.get(types.size() - 1) == Opcodes.TOP) {
            types.remove(types.size() - 1);
        }
        return types;
    }

    /** Whether a value is known to hold {@code null}: restored as a constant, never kept. */
    private static boolean isNull(BasicValue value) {
        return value.getType().equals(ExactTypeInterpreter.NULL.getType());
    }

    /** The next field of {@code type}'s descriptor not yet used at this point, created if needed. */
    private ContinuationField next(Type type, Map<String, Integer> used) {
        SpillKind kind = SpillKind.of(type);
        String descriptor = kind.fieldDescriptor(type);
        int n = used.merge(descriptor, 1, Integer::sum) - 1;
        List<ContinuationField> ofType = byDescriptor.computeIfAbsent(descriptor, key -> new ArrayList<>());
        if (n == ofType.size()) {
            ContinuationField field = new ContinuationField(kind.prefix() + Integer.toString(perKind[kind.ordinal()]++), descriptor, kind);
            ofType.add(field);
            fields.put(field.name(), field);
        }
        return ofType.get(n);
    }

    private static BitSet referenceBits(Map<ContinuationField, Integer> ids, List<Spill> spills) {
        BitSet bits = new BitSet();
        for (Spill spill : spills) {
            if (spill.field() != null && ids.containsKey(spill.field())) {
                bits.set(ids.get(spill.field()));
            }
        }
        return bits;
    }
}
