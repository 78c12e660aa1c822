package org.mmsspec.harness.fuzz;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The server a campaign fuzzes: where to connect, what its process said on dying (where mmsspec started it), and how
 * to bring it back after a finding.
 */
interface ServerTarget extends AutoCloseable {

    /** What an oracle saw: the symptom and a sentence on it. */
    record Observation(Symptom symptom, String detail) {
    }

    /** Where sessions of {@code transport} connect now (an embedded server has new ports after a restart). */
    InetSocketAddress address(SessionPlan.Transport transport);

    /** What reproducers say about it. */
    Reproducer.Target describe();

    /** Where mmsspec runs the target's process: its exit, signal or sanitizer report, if any. */
    default Optional<Observation> death() {
        return Optional.empty();
    }

    /**
     * {@link #death()}, after waiting up to {@code millis} for the process to end: a probe that fails may see the
     * process in the middle of dying (its shell still running, say), which is an exit or a signal, not a crash.
     */
    default Optional<Observation> deathWithin(long millis) throws InterruptedException {
        return death();
    }

    /**
     * Brings the target back after a finding and returns once {@code healthy} holds.
     *
     * @throws CampaignException when it does not come back
     */
    void restart(BooleanSupplier healthy) throws InterruptedException;

    @Override
    void close();
}
