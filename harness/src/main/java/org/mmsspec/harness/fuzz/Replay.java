package org.mmsspec.harness.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sends a reproducer's steps again, several times, and counts how often they set off its symptom. */
public final class Replay {

    private Replay() {
    }

    /** Hears of each attempt as it ends, so that a slow target shows progress. */
    public interface Listener {
        void attempted(int attempt, Optional<Symptom> seen);
    }

    /**
     * @param expected the reproducer's symptom
     * @param seen     per attempt, in order, the symptom seen (empty where the target was fine)
     */
    public record ReplayResult(Symptom expected, List<Optional<Symptom>> seen) {

        public ReplayResult {
            seen = List.copyOf(seen);
        }

        public int times() {
            return seen.size();
        }

        /** How many attempts set off the expected symptom (another symptom does not count). */
        public int reproduced() {
            return (int) seen.stream().filter(s -> s.orElse(null) == expected).count();
        }

        public boolean always() {
            return reproduced() == times();
        }

        public boolean never() {
            return reproduced() == 0;
        }
    }

    public static ReplayResult replay(Reproducer r, SessionDriver driver, int times) throws InterruptedException {
        return replay(r, driver, times, (i, s) -> { });
    }

    public static ReplayResult replay(Reproducer r, SessionDriver driver, int times, Listener listener)
            throws InterruptedException {
        if (times < 1) {
            throw new IllegalArgumentException("times " + times + ": want at least 1");
        }
        List<Optional<Symptom>> seen = new ArrayList<>(times);
        for (int i = 1; i <= times; i++) {
            Optional<Symptom> s = driver.attempt(r.transport(), r.steps());
            seen.add(s);
            listener.attempted(i, s);
        }
        return new ReplayResult(r.symptom(), seen);
    }
}
