package org.coro4j.instrumenter;

/**
 * How much instrumenting one coroutine method grew its code.
 *
 * @param method the coroutine method's name and descriptor, for example {@code fetch(I)Lorg/coro4j/Coroutine;}
 * @param line the method's first source line, or 0 without line numbers
 * @param javacBytes the length of the method's bytecode as the compiler wrote it
 * @param instrumentedBytes the length of the body method's bytecode once instrumented
 */
public record CoroutineSize(String method, int line, int javacBytes, int instrumentedBytes) {

    /** Instrumented bytes divided by the compiler's bytes. */
    public double growth() {
        return (double) instrumentedBytes / javacBytes;
    }
}
