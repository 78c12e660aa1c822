package org.mmsspec.harness.fuzz;

/**
 * FIRST CUT (stub, replaced by delta debugging): keeps the transcript as found.
 */
public final class Minimiser {

    private Minimiser() {
    }

    /** The smallest transcript known to set off {@code found}'s symptom on {@code driver}'s target. */
    public static Reproducer minimise(Reproducer found, SessionDriver driver) throws InterruptedException {
        return found;
    }
}
