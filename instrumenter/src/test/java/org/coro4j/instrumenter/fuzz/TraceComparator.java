package org.coro4j.instrumenter.fuzz;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the outcome of a coroutine with that of its plain twin: the same events in the same
 * order, the same result or exception, and a virtual clock equal to the delays the twin added up.
 */
final class TraceComparator {
    private TraceComparator() {
    }

    /** The first difference between {@code expected} (the twin) and {@code actual} (the coroutine), if any. */
    static Optional<String> compare(Outcome expected, Outcome actual) {
        List<String> want = expected.events();
        List<String> got = actual.events();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            if (!want.get(i).equals(got.get(i))) {
                return Optional.of("event " + i + ": expected <" + want.get(i) + "> but was <" + got.get(i) + ">");
            }
        }
        if (want.size() != got.size()) {
            List<String> extra = want.size() > got.size() ? want.subList(got.size(), want.size()) : got.subList(want.size(), got.size());
            return Optional.of("expected " + want.size() + " events but got " + got.size() + "; first unmatched: <" + extra.get(0) + ">");
        }
        if (!Objects.equals(expected.exception(), actual.exception())) {
            return Optional.of("expected " + describe(expected) + " but " + describe(actual));
        }
        if (!Objects.equals(expected.result(), actual.result())) {
            return Optional.of("expected result <" + expected.result() + "> but was <" + actual.result() + ">");
        }
        if (Double.compare(expected.clock(), actual.clock()) != 0) {
            return Optional.of("expected to wait " + expected.clock() + " s but the loop's clock reads " + actual.clock() + " s");
        }
        return Optional.empty();
    }

    private static String describe(Outcome outcome) {
        return outcome.exception() != null ? "threw " + outcome.exception() : "returned <" + outcome.result() + ">";
    }
}
