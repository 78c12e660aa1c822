package org.mmsspec.harness.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.mmsspec.harness.fuzz.plan.Triggers;

/**
 * Shrinks a finding to the smallest transcript that still sets off its symptom, by delta debugging (Zeller's ddmin):
 * first over the steps; then a pass that makes the remaining steps plainer (one write instead of 1-byte or slow
 * segments, less read between steps), done before the bytes so that their many attempts run quicker; then over the
 * bytes of the guilty step (the last one left: ddmin leaves only steps that are needed). Every candidate
 * costs a fresh target and a session, so the search runs on a {@link Budget}, asks the driver once per distinct
 * transcript, and rejects a candidate that does not reproduce without retrying it. What it returns was confirmed on a
 * fresh target at the end; a finding that does not reproduce at all comes back as found, with a note in its detail.
 */
public final class Minimiser {

    /** How much a minimisation may cost: driver attempts (the final confirmation included) and wall time. */
    public record Budget(int attempts, Duration time) {
        public static final Budget DEFAULT = new Budget(300, Duration.ofSeconds(60));

        public Budget {
            if (attempts < 2) {
                throw new IllegalArgumentException("budget of " + attempts + " attempts: want at least 2");
            }
        }
    }

    /**
     * What a minimisation did.
     *
     * @param result     the reproducer to save
     * @param attempts   how many times the driver was asked
     * @param reproduced whether the finding reproduced at all (when not, {@code result} is the finding as found)
     * @param exhausted  whether the budget ran out before the search was done (the result is smaller, not smallest)
     */
    public record Outcome(Reproducer result, int attempts, boolean reproduced, boolean exhausted) {
    }

    /** Tries to confirm the smallest transcript before it counts as not reproducing. */
    static final int CONFIRMATIONS = 2;

    private final Reproducer found;
    private final SessionDriver driver;
    private final Budget budget;
    private final LongSupplier nanos;
    private final long deadline;
    private final Map<List<Step>, Boolean> tried = new HashMap<>();
    private int attempts;
    private boolean exhausted;

    private Minimiser(Reproducer found, SessionDriver driver, Budget budget, LongSupplier nanos) {
        this.found = found;
        this.driver = driver;
        this.budget = budget;
        this.nanos = nanos;
        this.deadline = nanos.getAsLong() + budget.time().toNanos();
    }

    /** The smallest transcript known to set off {@code found}'s symptom on {@code driver}'s target. */
    public static Reproducer minimise(Reproducer found, SessionDriver driver) throws InterruptedException {
        return minimise(found, driver, Budget.DEFAULT).result();
    }

    public static Outcome minimise(Reproducer found, SessionDriver driver, Budget budget) throws InterruptedException {
        return minimise(found, driver, budget, System::nanoTime);
    }

    static Outcome minimise(Reproducer found, SessionDriver driver, Budget budget, LongSupplier nanos)
            throws InterruptedException {
        return new Minimiser(found, driver, budget, nanos).run();
    }

    private Outcome run() throws InterruptedException {
        Optional<Symptom> first = driver.attempt(found.transport(), found.steps());
        attempts++;
        if (first.orElse(null) != found.symptom()) {
            return new Outcome(noted(found, "not minimised: on a fresh target it set off "
                    + first.map(Symptom::label).orElse("nothing") + ", not " + found.symptom().label()),
                    attempts, false, false);
        }
        tried.put(found.steps(), true);
        if (found.steps().isEmpty()) {
            return new Outcome(found, attempts, true, false);
        }

        List<Step> steps = ddminSteps(found.steps());
        steps = plainer(steps);
        int guilty = steps.size() - 1;
        steps = ddminBytes(steps, guilty);

        if (!steps.equals(found.steps())) {
            // every candidate was judged by one attempt; the one we keep must hold on a fresh target once more (and
            // gets a second chance: on a loaded machine a crash can look like a stall once)
            boolean confirmed = false;
            for (int i = 0; i < CONFIRMATIONS && !confirmed; i++) {
                confirmed = driver.attempt(found.transport(), steps).orElse(null) == found.symptom();
                attempts++;
            }
            if (!confirmed) {
                return new Outcome(noted(found, "not minimised: the smallest transcript (" + steps.size()
                        + " steps) did not reproduce when confirmed"), attempts, true, exhausted);
            }
        }
        Label label = label(steps, guilty);
        return new Outcome(found.withSteps(steps, label.trigger(), label.state()), attempts, true, exhausted);
    }

    /** Trigger and state of the smaller transcript: what its key says. */
    private record Label(String trigger, FuzzState state) {
    }

    /**
     * A server finding is named by what the codec makes of its guilty step and the state the valid steps before it
     * reach. A client finding's steps are the mock server's replies, which only the driver can name: there the guilty
     * step's note up to its first colon (its reply, without the damage's detail) and the state as found.
     */
    private Label label(List<Step> steps, int guilty) {
        if (found.role() == Reproducer.Role.SERVER) {
            return new Label(Triggers.trigger(found.transport(), steps.get(guilty)),
                    Triggers.stateBefore(found.transport(), steps, guilty));
        }
        // "#3 ReportOpenFile: flip" names reply 3 of its connection: the kind is what makes two findings one
        String note = steps.get(guilty).note().replaceFirst("^#\\d+\\s+", "");
        int colon = note.indexOf(':');
        String trigger = (colon < 0 ? note : note.substring(0, colon)).trim();
        return new Label(trigger.isEmpty() ? found.trigger() : trigger, found.state());
    }

    /**
     * Whole connections first (a concurrent connection is often noise, and one test removes all its steps), then
     * ddmin over single steps.
     */
    private List<Step> ddminSteps(List<Step> steps) throws InterruptedException {
        int connections = steps.stream().mapToInt(Step::connection).max().orElse(0);
        for (int c = connections; c > 0; c--) {
            int gone = c;
            List<Step> without = steps.stream().filter(s -> s.connection() != gone).toList();
            if (!without.isEmpty() && without.size() < steps.size() && reproduces(without)) {
                steps = without;
            }
        }
        return ddmin(steps, true, this::reproduces, this::spent);
    }

    /** Removes byte ranges of step {@code guilty}; the other steps stay as they are. */
    private List<Step> ddminBytes(List<Step> steps, int guilty) throws InterruptedException {
        Step step = steps.get(guilty);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : step.bytes()) {
            bytes.add(b);
        }
        // subsets of a message's bytes (keep a 1/n slice) hardly ever reproduce: try only complements, so that a
        // level of granularity costs n attempts and a 1,500-byte message gets its large cuts early in the budget
        List<Byte> kept = ddmin(bytes, false, b -> reproduces(withStep(steps, guilty, step.withBytes(unbox(b)))),
                this::spent);
        return withStep(steps, guilty, step.withBytes(unbox(kept)));
    }

    /** One write instead of segments, and each await as low as still reproduces, one level at a time. */
    private List<Step> plainer(List<Step> steps) throws InterruptedException {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.segmenting() != Step.Segmenting.WHOLE) {
                List<Step> whole = withStep(steps, i, new Step(s.connection(), s.bytes(), Step.Segmenting.WHOLE,
                        s.await(), s.note()));
                if (reproduces(whole)) {
                    steps = whole;
                }
            }
            for (int a = steps.get(i).await().ordinal() - 1; a >= 0; a--) {
                Step t = steps.get(i);
                List<Step> less = withStep(steps, i, new Step(t.connection(), t.bytes(), t.segmenting(),
                        Step.Await.values()[a], t.note()));
                if (!reproduces(less)) {
                    break;
                }
                steps = less;
            }
        }
        return steps;
    }

    interface Test<T> {
        boolean reproduces(List<T> candidate) throws InterruptedException;
    }

    /**
     * Zeller's ddmin: split into n chunks; keep a chunk alone (when {@code subsets}) or drop one; on success go on
     * from the smaller list, else double n. One change to it: a pass that drops a chunk goes on with the next chunk
     * instead of splitting anew, so that a level costs at most n attempts (a 1,500-byte message gets its cuts within a
     * few hundred); the finest level repeats until nothing goes. Ends 1-minimal (no single element can go) unless
     * {@code spent} ends it first, with the smallest list that reproduced.
     */
    static <T> List<T> ddmin(List<T> items, boolean subsets, Test<T> test, BooleanSupplier spent)
            throws InterruptedException {
        List<T> c = items;
        int n = 2;
        outer:
        while (c.size() >= 2 && !spent.getAsBoolean()) {
            int size = c.size();
            List<List<T>> chunks = split(c, n);
            if (subsets && n > 2) {
                // with n = 2 a chunk is its sibling's complement, tried below
                for (List<T> chunk : chunks) {
                    if (test.reproduces(chunk)) {
                        c = chunk;
                        n = 2;
                        continue outer;
                    }
                }
            }
            boolean dropped = false;
            // from the last chunk back, so that a byte cut at the end leaves the earlier offsets where they were
            for (int i = chunks.size() - 1; i >= 0 && chunks.size() > 1; i--) {
                List<T> complement = new ArrayList<>(c.size());
                for (int k = 0; k < chunks.size(); k++) {
                    if (k != i) {
                        complement.addAll(chunks.get(k));
                    }
                }
                if (test.reproduces(complement)) {
                    chunks.remove(i);
                    c = complement;
                    dropped = true;
                }
            }
            if (n >= size) {
                if (!dropped) {
                    break;
                }
                n = c.size();
            } else {
                n = Math.min(2 * chunks.size(), c.size());
            }
        }
        return c;
    }

    private static <T> List<List<T>> split(List<T> c, int n) {
        List<List<T>> chunks = new ArrayList<>(n);
        int at = 0;
        for (int k = 0; k < n; k++) {
            int end = at + (c.size() - at) / (n - k);
            chunks.add(List.copyOf(c.subList(at, end)));
            at = end;
        }
        return chunks;
    }

    /** One attempt per distinct transcript; none once the budget is spent (one stays for the confirmation). */
    private boolean reproduces(List<Step> steps) throws InterruptedException {
        Boolean known = tried.get(steps);
        if (known != null) {
            return known;
        }
        if (spent()) {
            return false;
        }
        attempts++;
        boolean yes = driver.attempt(found.transport(), steps).orElse(null) == found.symptom();
        tried.put(List.copyOf(steps), yes);
        return yes;
    }

    private boolean spent() {
        exhausted |= attempts >= budget.attempts() - 1 || nanos.getAsLong() - deadline >= 0;
        return exhausted;
    }

    private static List<Step> withStep(List<Step> steps, int i, Step s) {
        List<Step> copy = new ArrayList<>(steps);
        copy.set(i, s);
        return List.copyOf(copy);
    }

    private static byte[] unbox(List<Byte> bytes) {
        byte[] b = new byte[bytes.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = bytes.get(i);
        }
        return b;
    }

    private static Reproducer noted(Reproducer r, String note) {
        String detail = r.detail().isEmpty() ? note : r.detail() + " (" + note + ")";
        return new Reproducer(r.role(), r.seed(), r.session(), r.transport(), r.symptom(), r.state(), r.trigger(),
                detail, r.target(), r.attack(), r.steps(), r.minimised(), r.originalSteps(), r.originalBytes());
    }
}
