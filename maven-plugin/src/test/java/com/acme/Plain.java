package com.acme;

/** A class with no coroutine: the instrumenter leaves it as javac wrote it. */
public final class Plain {

    private Plain() {
    }

    static int twice(int x) {
        return 2 * x;
    }
}
