package org.mmsspec.cases;

/** What one case concluded about its peer. */
public enum Verdict {
    /** Every rule the case checks was kept. */
    PASS,
    /** A MUST was broken. */
    FAIL,
    /** A SHOULD was broken; counted as a FAIL in strict runs. */
    WARN,
    /** The target does not offer what the case needs (no UDP, no credentials given); the reason says which. */
    SKIP,
    /** The case could not be run: the target was unreachable, or the case itself broke. */
    ERROR;

    /** Whether this verdict fails a build; WARN does so only in strict runs. */
    public boolean failsBuild(boolean strict) {
        return this == FAIL || this == ERROR || (strict && this == WARN);
    }

    /** The worse of two verdicts: ERROR, then FAIL, then WARN, then PASS (SKIP never mixes with the others). */
    public Verdict worst(Verdict other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case PASS -> 0;
            case SKIP -> 1;
            case WARN -> 2;
            case FAIL -> 3;
            case ERROR -> 4;
        };
    }
}
