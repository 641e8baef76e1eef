package org.coro4j.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * A {@link BasicInterpreter} that keeps the exact class of every reference, as read from
 * descriptors, so that straight-line code can be simulated from one of javac's stack map frames
 * without loading any class. It never merges: branch targets take javac's frames instead.
 */
final class ExactTypeInterpreter extends BasicInterpreter {
    /** The type of {@code null}, as javac's frames call it. */
    static final BasicValue NULL = new BasicValue(NULL_TYPE);

    ExactTypeInterpreter() {
        super(Opcodes.ASM9);
    }

    @Override
    public BasicValue newValue(Type type) {
        if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
            return new BasicValue(type);
        }
        return super.newValue(type);
    }

    /** A load of a local pushes a {@link LoadedValue}, so that a value pending on the stack knows where it came from. */
    @Override
    public BasicValue copyOperation(AbstractInsnNode insn, BasicValue value) throws AnalyzerException {
        if (insn instanceof VarInsnNode load && load.getOpcode() >= Opcodes.ILOAD && load.getOpcode() <= Opcodes.ALOAD
                && value.getType() != null && !(value instanceof UninitializedValue)) {
            return new LoadedValue(value, load);
        }
        return super.copyOperation(insn, value);
    }

    @Override
    public BasicValue binaryOperation(AbstractInsnNode insn, BasicValue array, BasicValue index) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.AALOAD) {
            Type arrayType = array.getType();
            if (arrayType != null && arrayType.getSort() == Type.ARRAY) {
                return newValue(Type.getType(arrayType.getDescriptor().substring(1)));
            }
            return newValue(Type.getObjectType("java/lang/Object"));
        }
        return super.binaryOperation(insn, array, index);
    }

    @Override
    public BasicValue merge(BasicValue value1, BasicValue value2) {
        throw new IllegalStateException("straight-line simulation never merges");
    }
}
