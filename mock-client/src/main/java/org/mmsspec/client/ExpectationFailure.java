package org.mmsspec.client;

/**
 * The peer did not send what a script expected. An {@link AssertionError}, so a JUnit case fails with it; the outcome
 * that came instead is kept for the verdict and the report.
 */
public final class ExpectationFailure extends AssertionError {

    private final transient Outcome outcome;

    public ExpectationFailure(String expected, Outcome outcome) {
        super("expected " + expected + ", got " + outcome.summary());
        this.outcome = outcome;
    }

    /** What came instead of the expected unit. */
    public Outcome outcome() {
        return outcome;
    }
}
