package org.mmsspec.harness.fuzz;

import java.util.List;
import java.util.Optional;

/**
 * What a campaign needs from the side it fuzzes (a server at an address, a server it starts, or a client command):
 * run session n, and say whether given steps still set off a finding, so that the campaign can minimise it and
 * {@code mmsspec replay} can check it. A driver is used by one campaign thread per {@link #lanes()} lane at once.
 */
public interface SessionDriver extends AutoCloseable {

    /**
     * Runs session {@code number} of the campaign. Returns the state it reached and, where an oracle fired, the
     * finding (unminimised). A server driver that only learns of a crash later (a probe fails) may return the finding
     * from another, earlier session: the reproducer names its own session.
     */
    SessionResult run(long number) throws InterruptedException;

    /**
     * Sends {@code steps} to a fresh target (restarted first where the last attempt left it dead) and returns the
     * symptom they set off, if any. Used by minimisation and replay: it must be deterministic where the target is.
     */
    Optional<Symptom> attempt(SessionPlan.Transport transport, List<Step> steps) throws InterruptedException;

    /** How many sessions can run at once against this target. */
    int lanes();

    /** What the reproducers of this driver say about where the target is. */
    Reproducer.Target target();

    @Override
    void close();

    /**
     * @param number  the session
     * @param reached the deepest state the session reached (its plan's, or less where the target cut it short)
     * @param finding a finding, if an oracle fired
     */
    record SessionResult(long number, FuzzState reached, Optional<Reproducer> finding) {
    }
}
