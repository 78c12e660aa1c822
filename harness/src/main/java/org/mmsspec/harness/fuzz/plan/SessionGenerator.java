package org.mmsspec.harness.fuzz.plan;

import java.util.SplittableRandom;

import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.SessionPlan;

/**
 * The plans of a campaign: session n of seed s is always the same bytes, whichever sessions ran before it. Most are
 * MMST: a valid prefix of MS-MMSP 3.1.5.1 to a seeded state, then one family of attack ({@link MmstAttacks}); a share
 * are MMSH requests of MS-WMSP ({@link MmshAttacks}). What every session shares (the valid packets, their field
 * layouts and field-aware mutations) is built once per generator.
 */
public final class SessionGenerator {

    /** Sessions in 100 that are MMSH. */
    static final int MMSH_PERCENT = 15;

    private final long seed;
    private final MmstAttacks mmst;
    private final MmshAttacks mmsh;

    /** Plans of campaign {@code seed}, opening {@code path} on the target. */
    public SessionGenerator(long seed, String path) {
        this.seed = seed;
        MmstPath valid = new MmstPath(path, seed);
        this.mmst = new MmstAttacks(valid);
        this.mmsh = new MmshAttacks(path, valid.next(FuzzState.START).get(0).packet());
    }

    public long seed() {
        return seed;
    }

    /** Session {@code number}'s plan. */
    public SessionPlan plan(long number) {
        SplittableRandom r = random(seed, number);
        boolean http = r.nextInt(100) < MMSH_PERCENT;
        MmstAttacks.Attack a = http ? mmsh.plan(r) : mmst.plan(r);
        return new SessionPlan(seed, number, http ? SessionPlan.Transport.MMSH : SessionPlan.Transport.MMST,
                a.state(), a.attack(), a.steps());
    }

    /** The liveness probe: a valid MMST session up to the header of {@code path}, each step awaiting its reply. */
    public static SessionPlan probe(String path) {
        return new SessionPlan(0, -1, SessionPlan.Transport.MMST, FuzzState.READ_BLOCK, "none (liveness probe)",
                new MmstPath(path, 0).prefix(FuzzState.READ_BLOCK));
    }

    /** One generator per session, so that session n's bytes do not depend on which sessions ran before it. */
    static SplittableRandom random(long seed, long number) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
    }
}
