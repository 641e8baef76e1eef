package org.coro4j.instrumenter;

/**
 * One field of a continuation class, keeping a value across suspensions.
 *
 * @param name the field's name: its kind's letter and a number, for example {@code i0} or {@code a3}
 * @param descriptor the field's type, exactly the type of the values it keeps: {@code getfield} and
 *     {@code putfield} do not check access to the class a field's descriptor names, so a value of a
 *     class the coroutine cannot name in a {@code checkcast} is kept and restored as it is
 * @param kind the JVM value kind, which chooses the load and store instructions
 */
record ContinuationField(String name, String descriptor, SpillKind kind) {
}
