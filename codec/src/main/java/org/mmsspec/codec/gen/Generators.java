package org.mmsspec.codec.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mmsspec.codec.mmsp.MmsMessage;

/** Every message generator, and seeded draws across all of them. */
public final class Generators {

    private static final List<MessageGenerator> ALL;

    static {
        List<MessageGenerator> all = new ArrayList<>(ViewerToMacGenerators.ALL);
        all.addAll(MacToViewerGenerators.ALL);
        ALL = List.copyOf(all);
    }

    private Generators() {
    }

    public static List<MessageGenerator> all() {
        return ALL;
    }

    /** The {@code index}-th message of the sequence that {@code seed} fixes: the same pair always gives the same. */
    public static MmsMessage message(long seed, long index) {
        SplittableRandom r = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        return ALL.get(r.nextInt(ALL.size())).generate(r);
    }
}
