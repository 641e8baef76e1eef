package org.coro4j.instrumenter;

import java.util.BitSet;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * One {@code Await.on} call in a coroutine body.
 *
 * @param call the {@code Await.on} instruction
 * @param label the suspension point's number, from 1; the frame's {@code label} when suspended here
 * @param frame the exact types of locals and stack just before the call (the awaitable on top)
 * @param live the local slots read after the call, or by a handler it may throw to
 */
record AwaitSite(MethodInsnNode call, int label, Frame<BasicValue> frame, BitSet live) {
}
