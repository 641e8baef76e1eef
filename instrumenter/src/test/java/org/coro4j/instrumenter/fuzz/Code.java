package org.coro4j.instrumenter.fuzz;

/**
 * A piece of generated code in its two renderings: the coroutine ({@code Await.on(x)} and
 * {@code Coroutine.of(v)}) and its plain twin (the value of {@code x}, and {@code v}).
 */
record Code(String async, String sync) {
    /** Code that reads the same in both renderings. */
    static Code same(String text) {
        return new Code(text, text);
    }

    /** Concatenates {@code parts}: each a {@link Code}, or any other object, taken as the same text in both. */
    static Code of(Object... parts) {
        StringBuilder async = new StringBuilder();
        StringBuilder sync = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Code code) {
                async.append(code.async);
                sync.append(code.sync);
            } else {
                async.append(part);
                sync.append(part);
            }
        }
        return new Code(async.toString(), sync.toString());
    }
}
