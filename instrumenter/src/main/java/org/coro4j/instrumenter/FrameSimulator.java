package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Computes the exact types of the locals and the operand stack before instructions, without
 * loading classes: from javac's stack map frame closest before each instruction (or the method's
 * entry), it executes the straight-line code between them. The method's frames must be
 * expanded ({@code ClassReader.EXPAND_FRAMES}). It only reads the method.
 */
final class FrameSimulator {
    private final String owner;
    private final MethodNode method;
    private final String entryDescriptor;
    private final ExactTypeInterpreter interpreter = new ExactTypeInterpreter();

    FrameSimulator(String owner, MethodNode method) {
        this(owner, method, method.desc);
    }

    /** A simulator whose method starts with the locals of the parameters of {@code entryDescriptor}. */
    FrameSimulator(String owner, MethodNode method, String entryDescriptor) {
        this.owner = owner;
        this.method = method;
        this.entryDescriptor = entryDescriptor;
    }

    /** The frame just before one instruction, or the failure that kept the simulation from it. */
    record Before(AbstractInsnNode insn, Frame<BasicValue> frame, Exception failure) {
    }

    /**
     * The frame just before each instruction that {@code wanted} selects, in the order of the
     * method's instructions, in one walk over them. Each is what executing the code from the closest
     * stack map frame before it (or the method's entry) gives; where an instruction on that way
     * cannot be executed, the instructions up to the next stack map frame carry that failure.
     */
    List<Before> framesBefore(Predicate<AbstractInsnNode> wanted) {
        List<Before> found = new ArrayList<>();
        Frame<BasicValue> frame = entryFrame();
        Exception failure = null;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (wanted.test(insn)) {
                found.add(new Before(insn, failure == null ? new Frame<>(frame) : null, failure));
            }
            if (insn instanceof FrameNode node) {
                frame = frameFrom(node);
                failure = null;
            } else if (failure == null && insn.getOpcode() >= 0) {
                try {
                    execute(frame, insn);
                } catch (AnalyzerException | RuntimeException e) {
                    failure = e;
                }
            }
        }
        return found;
    }

    private void execute(Frame<BasicValue> frame, AbstractInsnNode insn) throws AnalyzerException {
        BasicValue receiver = null;
        if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL && call.name.equals("<init>")) {
            receiver = frame.getStack(frame.getStackSize() - Type.getArgumentTypes(call.desc).length - 1);
        }
        if (insn.getOpcode() == Opcodes.NEW) {
            frame.push(new UninitializedValue((TypeInsnNode) insn));
            return;
        }
        frame.execute(insn, interpreter);
        if (receiver instanceof UninitializedValue uninitialized) {
            BasicValue initialized = interpreter.newValue(uninitialized.getType());
            replaceEverywhere(frame, uninitialized, initialized);
        }
    }

    private Frame<BasicValue> entryFrame() {
        Frame<BasicValue> frame = emptyFrame();
        int slot = 0;
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            frame.setLocal(slot++, interpreter.newValue(Type.getObjectType(owner)));
        }
        for (Type argument : Type.getArgumentTypes(entryDescriptor)) {
            BasicValue value = interpreter.newValue(argument);
            frame.setLocal(slot++, value);
            if (value.getSize() == 2) {
                frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
            }
        }
        return frame;
    }

    private Frame<BasicValue> frameFrom(FrameNode node) {
        Frame<BasicValue> frame = emptyFrame();
        Map<TypeInsnNode, BasicValue> uninitialized = new HashMap<>();
        int slot = 0;
        for (Object type : node.local) {
            BasicValue value = valueOf(type, uninitialized);
            frame.setLocal(slot++, value);
            if (value.getSize() == 2) {
                frame.setLocal(slot++, BasicValue.UNINITIALIZED_VALUE);
            }
        }
        for (Object type : node.stack) {
            frame.push(valueOf(type, uninitialized));
        }
        return frame;
    }

    private Frame<BasicValue> emptyFrame() {
        Frame<BasicValue> frame = new Frame<>(method.maxLocals, method.maxStack);
        for (int slot = 0; slot < method.maxLocals; slot++) {
            frame.setLocal(slot, BasicValue.UNINITIALIZED_VALUE);
        }
        return frame;
    }

    /** One frame entry as a value; the entries naming one uninitialised object share one value. */
    private BasicValue valueOf(Object frameType, Map<TypeInsnNode, BasicValue> uninitialized) {
        if (frameType instanceof String name) {
            return interpreter.newValue(name.startsWith("[") ? Type.getType(name) : Type.getObjectType(name));
        }
        if (frameType instanceof LabelNode label) {
            return uninitialized.computeIfAbsent(UninitializedValue.newInsnAt(label), UninitializedValue::new);
        }
        if (frameType == Opcodes.INTEGER) {
            return BasicValue.INT_VALUE;
        }
        if (frameType == Opcodes.FLOAT) {
            return BasicValue.FLOAT_VALUE;
        }
        if (frameType == Opcodes.LONG) {
            return BasicValue.LONG_VALUE;
        }
        if (frameType == Opcodes.DOUBLE) {
            return BasicValue.DOUBLE_VALUE;
        }
        if (frameType == Opcodes.NULL) {
            return ExactTypeInterpreter.NULL;
        }
        if (frameType == Opcodes.UNINITIALIZED_THIS) {
            return interpreter.newValue(Type.getObjectType(owner));
        }
        return BasicValue.UNINITIALIZED_VALUE;
    }

    private static void replaceEverywhere(Frame<BasicValue> frame, BasicValue from, BasicValue to) {
        for (int slot = 0; slot < frame.getLocals(); slot++) {
            if (frame.getLocal(slot) == from) {
                frame.setLocal(slot, to);
            }
        }
        for (int i = 0; i < frame.getStackSize(); i++) {
            if (frame.getStack(i) == from) {
                frame.setStack(i, to);
            }
        }
    }

    /** Converts a simulated frame's locals to stack map frame types (long and double take one entry). */
    static List<Object> localTypes(Frame<BasicValue> frame) {
        ArrayList<Object> types = new ArrayList<>();
        for (int slot = 0; slot < frame.getLocals(); slot++) {
            BasicValue value = frame.getLocal(slot);
            types.add(frameType(value));
            if (value.getSize() == 2) {
                slot++;
            }
        }
        return types;
    }

    /** Converts a simulated frame's operand stack to stack map frame types. */
    static List<Object> stackTypes(Frame<BasicValue> frame, int depth) {
        ArrayList<Object> types = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            types.add(frameType(frame.getStack(i)));
        }
        return types;
    }

    /** The stack map frame type of one simulated value. */
    static Object frameType(BasicValue value) {
        if (value instanceof UninitializedValue uninitialized) {
            return uninitialized.newLabel();
        }
        if (value == BasicValue.UNINITIALIZED_VALUE || value.getType() == null) {
            return Opcodes.TOP;
        }
        Type type = value.getType();
        return type.equals(ExactTypeInterpreter.NULL.getType()) ? Opcodes.NULL : frameType(type);
    }

    /** The stack map frame type of a value of {@code type}. */
    static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.LONG -> Opcodes.LONG;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> type.getInternalName();
        };
    }

    /** The local or stack slots that stack map frame types {@code types} take: two for a long or a double. */
    static int slots(List<Object> types) {
        int slots = 0;
        for (Object type : types) {
            slots += type == Opcodes.LONG || type == Opcodes.DOUBLE ? 2 : 1;
        }
        return slots;
    }
}
