package org.mmsspec.harness.fuzz.plan;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded choices of a session's plan: every draw comes from the session's own generator. */
final class Draw {

    private Draw() {
    }

    /** An index drawn with the given weights. */
    static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    /** One of {@code values}. */
    @SafeVarargs
    static <T> T pick(SplittableRandom r, T... values) {
        return values[r.nextInt(values.length)];
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** True with probability 1/n. */
    static boolean oneIn(SplittableRandom r, int n) {
        return r.nextInt(n) == 0;
    }

    /** The first element half the time (the expected one), else any other. */
    static <T> T mostlyFirst(SplittableRandom r, List<T> values) {
        return values.size() == 1 || r.nextBoolean() ? values.get(0) : values.get(1 + r.nextInt(values.size() - 1));
    }
}
