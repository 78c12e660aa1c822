package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReplayTest {

    static final List<Step> STEPS = List.of(FakeDriver.step(0, "Connect", 1, 2), FakeDriver.step(0, "Pong", 3));

    /** Crashes on every third attempt, hangs on the one after it, else nothing. */
    static FakeDriver flaky() {
        int[] n = {0};
        return new FakeDriver(s -> switch (n[0]++ % 3) {
            case 0 -> Optional.of(Symptom.CRASH);
            case 1 -> Optional.of(Symptom.HANG);
            default -> Optional.empty();
        });
    }

    @Test
    void countsOnlyTheFindingsOwnSymptom() throws InterruptedException {
        FakeDriver driver = flaky();
        List<String> heard = new ArrayList<>();
        Replay.ReplayResult r = Replay.replay(FakeDriver.found(Symptom.CRASH, STEPS), driver, 7,
                (i, s) -> heard.add(i + ":" + s.map(Symptom::label).orElse("-")));

        assertThat(r.times()).isEqualTo(7);
        assertThat(r.reproduced()).isEqualTo(3);
        assertThat(r.always()).isFalse();
        assertThat(r.never()).isFalse();
        assertThat(heard).containsExactly("1:crash", "2:hang", "3:-", "4:crash", "5:hang", "6:-", "7:crash");
        assertThat(driver.attempts).hasSize(7).allMatch(STEPS::equals);
    }

    @Test
    void saysAlwaysAndNever() throws InterruptedException {
        Reproducer found = FakeDriver.found(Symptom.HANG, STEPS);
        assertThat(Replay.replay(found, new FakeDriver(s -> Optional.of(Symptom.HANG)), 3).always()).isTrue();
        assertThat(Replay.replay(found, new FakeDriver(s -> Optional.of(Symptom.CRASH)), 3).never()).isTrue();
        assertThatThrownBy(() -> Replay.replay(found, flaky(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
