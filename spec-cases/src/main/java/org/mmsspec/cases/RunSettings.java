package org.mmsspec.cases;

import java.time.Duration;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Profile;

/**
 * How cases are run.
 *
 * @param timeout  bounds every read a case makes
 * @param profile  how errata are judged: deployed (the default) or literal
 * @param strict   a broken SHOULD is a FAIL rather than a WARN
 */
public record RunSettings(Duration timeout, Profile profile, boolean strict) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final RunSettings DEFAULTS = new RunSettings(DEFAULT_TIMEOUT, Profile.DEPLOYED, false);

    public RunSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Strict decoding under this run's profile: every violation in a reply is recorded. */
    public DecodeOptions decodeOptions() {
        return DecodeOptions.STRICT.withProfile(profile);
    }

    /** The most one case may take: its reads are bounded, but a trickling server can make many of them. */
    /** What a slow case may take beyond the usual deadline: it waits on the server's timers (MS-MMSP 3.2.2). */
    public static final Duration SLOW_ALLOWANCE = Duration.ofSeconds(150);

    /** The deadline of {@code c}: slow cases get {@link #SLOW_ALLOWANCE} more. */
    public Duration caseDeadline(ConformanceCase c) {
        return c.tagged(ConformanceCase.SLOW) ? caseDeadline().plus(SLOW_ALLOWANCE) : caseDeadline();
    }

    public Duration caseDeadline() {
        return timeout.multipliedBy(10).plusSeconds(5);
    }
}
