package org.coro4j.instrumenter;

import java.util.BitSet;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * One {@code Await.on} call in a coroutine body.
 *
 * @param call the {@code Await.on} instruction
 * @param frame the exact types of locals and stack just before the call (the awaitable on top)
 * @param live the local slots to keep: read after the call, or by a handler it may throw to, or
 *     copied onto the stack below the awaitable
 */
record AwaitSite(MethodInsnNode call, Frame<BasicValue> frame, BitSet live) {
}
