package org.coro4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coro4j.instrumenter.CoroutineSize;
import org.coro4j.instrumenter.InstrumentationException;
import org.coro4j.instrumenter.InstrumentedClass;
import org.coro4j.instrumenter.Instrumenter;

/**
 * How much instrumentation grows code: instruments W5's {@link Corpus} and the {@link LargeCorpus}
 * and prints, as {@code NOTE} lines for {@code benchmarks/run}, the median and largest ratio of
 * instrumented body bytes to javac's, and the size of each fixed shape.
 */
public final class Growth {
    private static final int JAVAC_LIMIT = 4_000;

    private Growth() {
    }

    public static void main(String[] args) {
        System.out.println(note("W5 corpus", sizes(Corpus.compile(20), new ArrayList<>())));
        List<CoroutineSize> large = new ArrayList<>();
        List<CoroutineSize> shapes = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (CoroutineSize size : sizes(LargeCorpus.compile(30, 1), failed)) {
            if (size.javacBytes() > 1_000) {
                (size.method().startsWith("run(") ? large : shapes).add(size);
            }
        }
        System.out.println(note("large coroutines (100-220 awaits, 20-30 locals)", large));
        for (String failure : failed) {
            System.out.println("NOTE\tgrowth: not instrumented: " + failure);
        }
        for (CoroutineSize shape : shapes) {
            System.out.println(String.format(Locale.ROOT, "NOTE\tgrowth of %s: %,d javac bytes, %,d instrumented (%.2fx)",
                    shape.method().substring(0, shape.method().indexOf('(')), shape.javacBytes(), shape.instrumentedBytes(), shape.growth()));
        }
    }

    /** The sizes of every coroutine method in {@code classFiles}, instrumented; adds the problems of the classes that fail to {@code failed}. */
    static List<CoroutineSize> sizes(List<byte[]> classFiles, List<String> failed) {
        Instrumenter instrumenter = new Instrumenter();
        List<CoroutineSize> sizes = new ArrayList<>();
        for (byte[] classFile : classFiles) {
            try {
                InstrumentedClass result = instrumenter.instrument(classFile);
                sizes.addAll(result.sizes());
            } catch (InstrumentationException e) {
                failed.add(e.getMessage());
            }
        }
        return sizes;
    }

    /** The median of the growth ratios in {@code sizes}. */
    static double median(List<CoroutineSize> sizes) {
        double[] ratios = sizes.stream().mapToDouble(CoroutineSize::growth).sorted().toArray();
        return ratios.length % 2 == 1 ? ratios[ratios.length / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
    }

    /** The largest growth ratio in {@code sizes}. */
    static double max(List<CoroutineSize> sizes) {
        return sizes.stream().mapToDouble(CoroutineSize::growth).max().orElse(0);
    }

    private static String note(String corpus, List<CoroutineSize> sizes) {
        return String.format(Locale.ROOT, "NOTE\tgrowth of %s: %d coroutine methods, instrumented/javac bytes median %.2fx,"
                + " max %.2fx; %d over 8,000 bytes once instrumented from javac's %,d bytes or less",
                corpus, sizes.size(), median(sizes), max(sizes), overHugeLimit(sizes), JAVAC_LIMIT);
    }

    /** How many bodies cross HotSpot's 8,000 bytes although javac's method was at most {@value #JAVAC_LIMIT} bytes. */
    static long overHugeLimit(List<CoroutineSize> sizes) {
        return sizes.stream().filter(size -> size.javacBytes() <= JAVAC_LIMIT && size.instrumentedBytes() > 8_000).count();
    }
}
