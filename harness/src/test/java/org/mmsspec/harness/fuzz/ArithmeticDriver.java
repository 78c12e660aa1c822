package org.mmsspec.harness.fuzz;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A target made of arithmetic: session n reaches state n mod 5, and every tenth session (n mod 10 = 7) finds one of
 * two crashes (by n mod 20), so that a campaign sees both new findings and repeats.
 */
final class ArithmeticDriver implements SessionDriver {

    final ConcurrentLinkedQueue<Long> ran = new ConcurrentLinkedQueue<>();
    private final int lanes;
    private final long sleepMillis;

    ArithmeticDriver(int lanes, long sleepMillis) {
        this.lanes = lanes;
        this.sleepMillis = sleepMillis;
    }

    static FuzzState reached(long n) {
        return FuzzState.values()[(int) (n % 5)];
    }

    static Optional<String> trigger(long n) {
        return n % 10 == 7 ? Optional.of(n % 20 == 7 ? "Connect" : "ReadBlock") : Optional.empty();
    }

    @Override
    public SessionResult run(long number) throws InterruptedException {
        if (sleepMillis > 0) {
            Thread.sleep(sleepMillis);
        }
        ran.add(number);
        return new SessionResult(number, reached(number), trigger(number).map(t -> new Reproducer(
                Reproducer.Role.SERVER, 1, number, SessionPlan.Transport.MMST, Symptom.CRASH, FuzzState.CONNECTED, t,
                "fake", target(), "fake attack", List.of(new Step(0, new byte[] {(byte) number}, Step.Segmenting.WHOLE,
                        Step.Await.NOTHING, t)), false, 1, 1)));
    }

    @Override
    public Optional<Symptom> attempt(SessionPlan.Transport transport, List<Step> steps) {
        return steps.isEmpty() ? Optional.empty() : Optional.of(Symptom.CRASH);
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public Reproducer.Target target() {
        return new Reproducer.Target("fake:1", null, null);
    }

    @Override
    public void close() {
    }
}
