package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.mmsspec.harness.fuzz.plan.Triggers;

class MinimiserTest {

    static final Minimiser.Budget LARGE = new Minimiser.Budget(10_000, Duration.ofHours(1));

    /** Eight steps, step i's single byte is i: which ones the fake bug needs is easy to say. */
    static List<Step> eight() {
        return IntStream.range(0, 8).mapToObj(i -> FakeDriver.step(0, "Message " + i + ": note", i)).toList();
    }

    static FakeDriver bug(Symptom symptom, Predicate<List<Step>> when) {
        return new FakeDriver(steps -> when.test(steps) ? Optional.of(symptom) : Optional.empty());
    }

    static boolean has(List<Step> steps, int marker) {
        return steps.stream().anyMatch(s -> s.length() > 0 && s.bytes()[0] == marker);
    }

    @Test
    void keepsExactlyTheTwoStepsTheBugNeeds() throws InterruptedException {
        FakeDriver driver = bug(Symptom.CRASH, s -> has(s, 2) && has(s, 5));
        Minimiser.Outcome o = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, eight()), driver, LARGE);

        assertThat(o.result().steps()).containsExactly(eight().get(2), eight().get(5));
        assertThat(o.result().minimised()).isTrue();
        assertThat(o.result().originalSteps()).isEqualTo(8);
        assertThat(o.reproduced()).isTrue();
        assertThat(o.exhausted()).isFalse();
        // a server finding is named by what the codec makes of its guilty step (these fake bytes frame nothing)
        assertThat(o.result().trigger()).isEqualTo(Triggers.trigger(SessionPlan.Transport.MMST, eight().get(5)))
                .isNotEqualTo("Message 5");
        assertThat(o.attempts()).isEqualTo(driver.attempts.size());
        // the last attempt confirms what is returned
        assertThat(driver.attempts.get(driver.attempts.size() - 1)).isEqualTo(o.result().steps());
    }

    @Test
    void anotherSymptomDoesNotCountAsReproducing() throws InterruptedException {
        // step 5 alone sets off a hang, steps 2 and 5 a crash: a crash finding must keep both
        FakeDriver driver = new FakeDriver(s -> has(s, 5)
                ? Optional.of(has(s, 2) ? Symptom.CRASH : Symptom.HANG) : Optional.empty());
        Reproducer r = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, eight()), driver, LARGE).result();

        assertThat(r.steps()).containsExactly(eight().get(2), eight().get(5));
    }

    @Test
    void dropsAConcurrentConnectionWithAllItsSteps() throws InterruptedException {
        List<Step> steps = new ArrayList<>(eight());
        steps.add(2, FakeDriver.step(1, "Connect on a second connection", 0x70));
        steps.add(4, FakeDriver.step(1, "Pong on a second connection", 0x71));
        FakeDriver driver = bug(Symptom.CRASH, s -> has(s, 3));
        Reproducer r = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, steps), driver, LARGE).result();

        assertThat(r.steps()).containsExactly(eight().get(3));
        // the first candidate after the check of the finding is the one without connection 1
        assertThat(driver.attempts.get(1)).hasSize(8).allMatch(s -> s.connection() == 0);
    }

    /** "Contains 0xAB, later 0xCD": what is minimal is exactly those two bytes. */
    static boolean abThenCd(byte[] b) {
        int ab = -1;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == (byte) 0xAB && ab < 0) {
                ab = i;
            } else if (b[i] == (byte) 0xCD && ab >= 0) {
                return true;
            }
        }
        return false;
    }

    static byte[] noise(int length, int ab, int cd) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 97);
        }
        b[ab] = (byte) 0xAB;
        b[cd] = (byte) 0xCD;
        return b;
    }

    @Test
    void cutsTheGuiltyStepToTheBytesTheBugNeeds() throws InterruptedException {
        Step connect = FakeDriver.step(0, "Connect", 1, 2, 3);
        Step guilty = new Step(0, noise(300, 40, 250), Step.Segmenting.ONE_BYTE, Step.Await.DATA, "ReadBlock: flip");
        FakeDriver driver = bug(Symptom.HANG, s -> has(s, 1) && s.size() == 2 && abThenCd(s.get(1).bytes()));
        Reproducer r = Minimiser.minimise(FakeDriver.found(Symptom.HANG, List.of(connect, guilty)), driver, LARGE)
                .result();

        assertThat(r.steps()).hasSize(2);
        assertThat(r.steps().get(0)).isEqualTo(connect);
        Step g = r.steps().get(1);
        assertThat(g.bytes()).containsExactly(0xAB, 0xCD);
        // the pass that makes steps plainer: one write, nothing awaited, where the bug does not care
        assertThat(g.segmenting()).isEqualTo(Step.Segmenting.WHOLE);
        assertThat(g.await()).isEqualTo(Step.Await.NOTHING);
        assertThat(r.trigger()).isEqualTo(Triggers.trigger(SessionPlan.Transport.MMST, g));
        assertThat(r.state()).isEqualTo(FuzzState.START);
    }

    @Test
    void keepsTheSegmentingAndAwaitTheBugNeeds() throws InterruptedException {
        Step guilty = new Step(0, new byte[] {1, 2, 3}, Step.Segmenting.SLOW, Step.Await.END, "Pong");
        FakeDriver driver = bug(Symptom.CRASH, s -> s.size() == 1 && s.get(0).segmenting() == Step.Segmenting.SLOW
                && s.get(0).await().compareTo(Step.Await.HEADER) >= 0 && s.get(0).length() >= 1);
        Reproducer r = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, List.of(guilty)), driver, LARGE).result();

        assertThat(r.steps().get(0).segmenting()).isEqualTo(Step.Segmenting.SLOW);
        assertThat(r.steps().get(0).await()).isEqualTo(Step.Await.HEADER);
        assertThat(r.steps().get(0).length()).isEqualTo(1);
    }

    @Test
    void aFullSizeMessageEndsWithinTheBudgetStillReproducing() throws InterruptedException {
        // the bug needs all 41 marked bytes spread over 1,500: no cut of 1/32 or more goes (62 attempts), finer
        // cuts do, and reaching the 41 would take far more attempts than the budget
        byte[] b = new byte[1500];
        for (int i = 0; i < b.length; i += 37) {
            b[i] = 0x55;
        }
        Step guilty = FakeDriver.step(0, "Data packet", 0).withBytes(b);
        FakeDriver driver = bug(Symptom.CRASH, s -> marks(s.get(s.size() - 1).bytes()) == 41);
        Minimiser.Budget budget = new Minimiser.Budget(120, Duration.ofHours(1));
        Minimiser.Outcome o = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, List.of(guilty)), driver, budget);

        assertThat(driver.attempts).hasSize(120);
        assertThat(o.attempts()).isEqualTo(120);
        assertThat(o.exhausted()).isTrue();
        assertThat(o.result().bytes()).isLessThan(1500);
        assertThat(marks(o.result().steps().get(0).bytes())).isEqualTo(41);
    }

    static int marks(byte[] b) {
        int n = 0;
        for (byte x : b) {
            n += x == 0x55 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aFullSizeMessageWithAnEasyBugEndsOneMinimal() throws InterruptedException {
        Step guilty = FakeDriver.step(0, "Data packet", 0).withBytes(noise(1500, 700, 1400));
        FakeDriver driver = bug(Symptom.CRASH, s -> abThenCd(s.get(s.size() - 1).bytes()));
        Minimiser.Outcome o = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, List.of(guilty)), driver,
                Minimiser.Budget.DEFAULT);

        assertThat(o.exhausted()).isFalse();
        assertThat(o.result().steps().get(0).bytes()).containsExactly(0xAB, 0xCD);
    }

    @Test
    void theTimeBudgetStopsTheSearch() throws InterruptedException {
        long[] now = {0};
        FakeDriver driver = new FakeDriver(s -> {
            now[0] += Duration.ofSeconds(1).toNanos();
            return has(s, 2) && has(s, 5) ? Optional.of(Symptom.CRASH) : Optional.empty();
        });
        Minimiser.Outcome o = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, eight()), driver,
                new Minimiser.Budget(300, Duration.ofSeconds(4)), () -> now[0]);

        assertThat(o.exhausted()).isTrue();
        // four candidates fit in the four seconds, then the confirmation
        assertThat(driver.attempts).hasSizeLessThanOrEqualTo(6);
        assertThat(has(o.result().steps(), 2) && has(o.result().steps(), 5)).isTrue();
    }

    @Test
    void aFindingThatDoesNotReproduceComesBackAsFoundWithANote() throws InterruptedException {
        FakeDriver driver = bug(Symptom.CRASH, s -> false);
        Reproducer found = FakeDriver.found(Symptom.CRASH, eight());
        Minimiser.Outcome o = Minimiser.minimise(found, driver, LARGE);

        assertThat(o.reproduced()).isFalse();
        assertThat(driver.attempts).hasSize(1);
        assertThat(o.result().steps()).isEqualTo(found.steps());
        assertThat(o.result().minimised()).isFalse();
        assertThat(o.result().key()).isEqualTo(found.key());
        assertThat(o.result().detail()).startsWith(found.detail()).contains("not minimised", "set off nothing");
    }

    @Test
    void aSmallerTranscriptThatFailsItsConfirmationIsNotReturned() throws InterruptedException {
        // a flaky target: every candidate after the first check reproduces once, never twice
        List<List<Step>> seen = new ArrayList<>();
        FakeDriver driver = new FakeDriver(s -> {
            boolean first = !seen.contains(s);
            seen.add(List.copyOf(s));
            return first ? Optional.of(Symptom.CRASH) : Optional.empty();
        });
        Reproducer found = FakeDriver.found(Symptom.CRASH, eight());
        Minimiser.Outcome o = Minimiser.minimise(found, driver, LARGE);

        assertThat(o.result().steps()).isEqualTo(found.steps());
        assertThat(o.result().detail()).contains("did not reproduce when confirmed");
    }

    @Test
    void theSameFindingAndTargetGiveTheSameResult() throws InterruptedException {
        Step guilty = FakeDriver.step(0, "OpenFile", 0).withBytes(noise(200, 10, 150));
        List<Step> steps = new ArrayList<>(eight());
        steps.add(guilty);
        Predicate<List<Step>> when = s -> has(s, 3) && abThenCd(s.get(s.size() - 1).bytes());
        FakeDriver a = bug(Symptom.CRASH, when);
        FakeDriver b = bug(Symptom.CRASH, when);
        Reproducer ra = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, steps), a, LARGE).result();
        Reproducer rb = Minimiser.minimise(FakeDriver.found(Symptom.CRASH, steps), b, LARGE).result();

        assertThat(ra).isEqualTo(rb);
        assertThat(a.attempts).isEqualTo(b.attempts);
        // no transcript is sent twice, but for the confirmation of the result
        assertThat(a.attempts.subList(0, a.attempts.size() - 1)).doesNotHaveDuplicates();
        assertThat(ra.steps()).hasSize(2);
        assertThat(ra.steps().get(1).bytes()).containsExactly(0xAB, 0xCD);
    }

    @Test
    void ddminIsOneMinimalOnItsOwn() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 20).boxed().toList();
        List<Integer> kept = Minimiser.ddmin(items, true,
                c -> c.contains(3) && c.contains(11) && c.contains(17), () -> false);
        assertThat(kept).containsExactly(3, 11, 17);
    }
}
