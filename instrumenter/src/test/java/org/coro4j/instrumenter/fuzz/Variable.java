package org.coro4j.instrumenter.fuzz;

/** A local variable of a generated method; loop counters are readable but never assigned. */
record Variable(String name, ValueType type, boolean assignable) {
}
