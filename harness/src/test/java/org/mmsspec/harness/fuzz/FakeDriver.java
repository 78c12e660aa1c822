package org.mmsspec.harness.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A target whose "bug" is a function of the steps sent; it counts and keeps every attempt. */
final class FakeDriver implements SessionDriver {

    final List<List<Step>> attempts = new ArrayList<>();
    private final Function<List<Step>, Optional<Symptom>> bug;
    boolean closed;

    FakeDriver(Function<List<Step>, Optional<Symptom>> bug) {
        this.bug = bug;
    }

    @Override
    public SessionResult run(long number) {
        throw new UnsupportedOperationException("not a campaign");
    }

    @Override
    public Optional<Symptom> attempt(SessionPlan.Transport transport, List<Step> steps) {
        attempts.add(List.copyOf(steps));
        return bug.apply(steps);
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public Reproducer.Target target() {
        return new Reproducer.Target("127.0.0.1:1755", null, null);
    }

    @Override
    public void close() {
        closed = true;
    }

    static Step step(int connection, String note, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new Step(connection, b, Step.Segmenting.WHOLE, Step.Await.NOTHING, note);
    }

    static Reproducer found(Symptom symptom, List<Step> steps) {
        return new Reproducer(Reproducer.Role.SERVER, 7, 42, SessionPlan.Transport.MMST, symptom, FuzzState.OPENED,
                "OpenFile: bit flip at 3", "the probe was refused", new Reproducer.Target("127.0.0.1:1755", null,
                        null), "bit flip at 3", steps, false, steps.size(), steps.stream().mapToInt(Step::length)
                                .sum());
    }
}
