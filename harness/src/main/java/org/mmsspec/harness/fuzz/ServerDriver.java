package org.mmsspec.harness.fuzz;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.mmsspec.harness.fuzz.ServerTarget.Observation;
import org.mmsspec.harness.fuzz.plan.SessionGenerator;
import org.mmsspec.harness.fuzz.plan.Triggers;
import org.mmsspec.server.scenario.PlantedBug;

/**
 * Fuzzes a server: runs each session's plan over TCP and applies the server oracles of the issue. A session is
 * suspicious when a fresh connection is refused or an await times out; besides, a liveness probe (a fresh happy-path
 * session) runs about every {@link #PROBE_EVERY_MILLIS} ms. When the probe fails (or the target's process died) the
 * target is down: the other lanes pause, the target restarts, and the sessions since the last good probe are
 * replayed one by one, most recent first, each followed by a probe, until one sets the symptom off alone. That one is
 * the finding; where none does, the finding is the whole window in order.
 */
public final class ServerDriver implements SessionDriver {

    static final long PROBE_EVERY_MILLIS = 100;
    /** How long a server somebody else runs may take to come back after a crash. */
    static final java.time.Duration COME_BACK = java.time.Duration.ofSeconds(30);
    /** Replays of a window stop after this many suspects; the rest go into the finding as a whole. */
    static final int MAX_REPLAYS = 2000;
    /** How long a target process whose probe failed may take to finish dying. */
    static final long DYING_MILLIS = 500;

    private final ServerTarget target;
    private final SessionGenerator generator;
    private final SessionPlan probe;
    private final String probePath;
    private final long seed;
    private final int timeoutMillis;
    private final int lanes;
    /** Sessions run under the read lock; triage and attempts hold the write lock, which pauses every lane. */
    private final ReentrantReadWriteLock pause = new ReentrantReadWriteLock();
    private final ThreadLocal<Wire> wires;
    private final SuspectWindow window = new SuspectWindow();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long nextProbe;
    private volatile String lost;

    ServerDriver(ServerTarget target, FuzzOptions options) {
        this.target = target;
        this.seed = options.seed();
        this.generator = new SessionGenerator(options.seed(), options.path());
        this.probe = SessionGenerator.probe(options.path());
        this.probePath = options.path();
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.timeout().toMillis()));
        this.lanes = options.jobs();
        this.wires = ThreadLocal.withInitial(() -> new Wire(timeoutMillis));
    }

    /** The server at HOST:PORT, run by somebody else. */
    public static ServerDriver address(String hostPort, FuzzOptions options) {
        return new ServerDriver(new AddressTarget(hostPort, COME_BACK), options);
    }

    /** The server {@code command} starts, listening on HOST:PORT; started now. */
    public static ServerDriver command(String command, String hostPort, FuzzOptions options)
            throws InterruptedException {
        return new ServerDriver(new CommandTarget(command, hostPort), options);
    }

    /** The reference mock server in this JVM, with {@code planted} bugs (labels of {@link PlantedBug}). */
    public static ServerDriver embedded(List<String> planted, FuzzOptions options) {
        return new ServerDriver(new EmbeddedTarget(planted.stream().map(PlantedBug::byLabel).toList()), options);
    }

    /** The target a reproducer names, reached as the campaign that found it reached it (for replay). */
    public static ServerDriver open(Reproducer.Target target, FuzzOptions options) throws InterruptedException {
        if (target.command() != null) {
            return command(target.command(), target.address(), options);
        }
        if (target.planted() != null) {
            return embedded(target.planted(), options);
        }
        return address(target.address(), options);
    }

    /**
     * Runs the liveness probe once before the campaign: a target that fails it from the start (not listening, or not
     * serving the path) would make every probe a false finding.
     *
     * @throws CampaignException when it fails, saying how
     */
    public void preflight() throws InterruptedException {
        Optional<Observation> o = check(wires.get(), false);
        if (o.isPresent()) {
            throw new CampaignException("the target fails the liveness probe (a valid MMST session up to the header "
                    + "of '" + probePath + "') before any fuzzing: " + o.get().detail());
        }
    }

    @Override
    public SessionResult run(long number) throws InterruptedException {
        if (lost != null) {
            throw new CampaignException(lost);
        }
        SessionPlan plan = generator.plan(number);
        Wire wire = wires.get();
        long gen;
        Wire.Outcome o;
        pause.readLock().lockInterruptibly();
        try {
            gen = generation.get();
            long[] entry = window.started(number);
            try {
                o = wire.run(plan.transport(), plan.steps(), target::address, false);
            } finally {
                window.finished(entry);
            }
        } finally {
            pause.readLock().unlock();
        }
        boolean suspicious = o.refused() || o.stalled() || target.death().isPresent() || routineProbeFailed(wire);
        Optional<Reproducer> finding = suspicious ? triage(gen, o) : Optional.empty();
        return new SessionResult(number, reached(plan, o), finding);
    }

    /** MMST: the deepest reply seen; MMSH: the plan's state where every await was met. */
    private static FuzzState reached(SessionPlan plan, Wire.Outcome o) {
        if (plan.transport() == SessionPlan.Transport.MMST) {
            return o.deepest();
        }
        return o.awaitsMet() ? plan.state() : o.heads() > 0 ? FuzzState.MMSH_DESCRIBE : FuzzState.START;
    }

    /** The routine probe, by whichever lane finds it due: true when it failed. */
    private boolean routineProbeFailed(Wire wire) throws InterruptedException {
        if (System.nanoTime() - nextProbe < 0 || !probing.compareAndSet(false, true)) {
            return false;
        }
        try {
            pause.readLock().lockInterruptibly();
            try {
                long mark = window.mark();
                if (check(wire, false).isPresent()) {
                    return true;
                }
                window.cleared(mark);
                nextProbe = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_EVERY_MILLIS);
                return false;
            } finally {
                pause.readLock().unlock();
            }
        } finally {
            probing.set(false);
        }
    }

    /**
     * Whether the target is down: its process died, or the liveness probe fails (refused, reset or closed: a crash;
     * silent: a hang).
     */
    private Optional<Observation> check(Wire wire, boolean sessionStalled) throws InterruptedException {
        Optional<Observation> dead = target.death();
        if (dead.isPresent()) {
            return dead;
        }
        Wire.Outcome p = wire.run(probe.transport(), probe.steps(), target::address, false);
        if (p.awaitsMet()) {
            return target.death();
        }
        Optional<Observation> after = target.deathWithin(DYING_MILLIS);
        if (after.isPresent()) {
            return after;
        }
        // a server that dies while the probe waits leaves it stalled too: only one that still accepts is hung
        if (p.stalled() && accepts()) {
            return Optional.of(new Observation(Symptom.HANG, "the liveness probe got no answer within "
                    + timeoutMillis + " ms" + (sessionStalled ? ", nor did the session" : "")));
        }
        return Optional.of(new Observation(Symptom.CRASH, p.refused() ? "the liveness probe's " + p.detail()
                : p.stalled() ? "the liveness probe got no answer, and then connections were refused"
                : "the liveness probe's connection was closed after reaching " + p.deepest().label()));
    }

    /** Whether a fresh connection to the probe's port is still accepted. */
    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.setSoLinger(true, 0);
            s.connect(target.address(probe.transport()), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the probe passes; for the restart's wait, which sees an interrupt at its next sleep. */
    private boolean healthy(Wire wire) {
        try {
            return check(wire, false).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** With every lane paused: confirms the target is down, finds the guilty session and restarts the target. */
    private Optional<Reproducer> triage(long gen, Wire.Outcome session) throws InterruptedException {
        pause.writeLock().lockInterruptibly();
        try {
            if (generation.get() != gen || lost != null) {
                return Optional.empty(); // another lane triaged this already, with this session in its window
            }
            Wire wire = wires.get();
            long mark = window.mark();
            Optional<Observation> seen = check(wire, session.stalled());
            if (seen.isEmpty()) {
                window.cleared(mark); // a passing fault (a full backlog, say): the target answers
                return Optional.empty();
            }
            List<Long> suspects = window.suspects();
            Reproducer found;
            try {
                target.restart(() -> healthy(wire));
                found = culprit(wire, suspects);
                if (found == null) {
                    found = whole(suspects, seen.get(), "no session of the window set it off alone");
                }
            } catch (CampaignException e) {
                lost = e.getMessage();
                found = whole(suspects, seen.get(), lost);
            }
            window.clear();
            generation.incrementAndGet();
            nextProbe = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_EVERY_MILLIS);
            return Optional.of(found);
        } finally {
            pause.writeLock().unlock();
        }
    }

    /**
     * Replays the suspects alone, most recent first; the first that sets a symptom off twice, or null. Once is not
     * enough: a target that went down late from an earlier session's bytes would blame an innocent one.
     */
    private Reproducer culprit(Wire wire, List<Long> suspects) throws InterruptedException {
        for (long n : suspects.subList(0, Math.min(MAX_REPLAYS, suspects.size()))) {
            SessionPlan p = generator.plan(n);
            Optional<Observation> o = attempt(wire, p.transport(), p.steps());
            if (o.isPresent() && attempt(wire, p.transport(), p.steps()).map(Observation::symptom)
                    .equals(Optional.of(o.get().symptom()))) {
                return new Reproducer(Reproducer.Role.SERVER, seed, n, p.transport(), o.get().symptom(), p.state(),
                        trigger(p), o.get().detail(), target.describe(), p.attack(), p.steps(), false,
                        p.steps().size(), p.bytes());
            }
        }
        return null;
    }

    /**
     * The window as one transcript: each suspect's steps in the order they ran, on connections of their own, so that
     * a replay runs them one after another as the campaign did.
     */
    private Reproducer whole(List<Long> suspects, Observation seen, String why) {
        List<Long> inOrder = new ArrayList<>(suspects.subList(0, Math.min(MAX_REPLAYS, suspects.size())));
        java.util.Collections.reverse(inOrder);
        List<Step> steps = new ArrayList<>();
        SessionPlan last = null;
        int offset = 0;
        for (long n : inOrder) {
            last = generator.plan(n);
            for (Step s : last.steps()) {
                steps.add(new Step(s.connection() + offset, s.bytes(), s.segmenting(), s.await(),
                        "session " + n + ": " + s.note()));
            }
            offset += last.connections();
        }
        if (last == null) {
            last = probe; // nothing ran since the last good probe: the target went down by itself
        }
        int bytes = steps.stream().mapToInt(Step::length).sum();
        return new Reproducer(Reproducer.Role.SERVER, seed, last.number(), last.transport(), seen.symptom(),
                last.state(), "window of " + inOrder.size() + " sessions", seen.detail() + "; " + why
                + ": the transcript is the " + inOrder.size() + " sessions since the last good probe, in order",
                target.describe(), "sessions " + inOrder, steps, false, steps.size(), bytes);
    }

    /**
     * Which step a finding blames until minimisation says better: what the codec makes of the session's last step
     * (the attack comes last), so that one bug found twice is one finding.
     */
    static String trigger(SessionPlan p) {
        return p.steps().isEmpty() ? "empty session"
                : Triggers.trigger(p.transport(), p.steps().get(p.steps().size() - 1));
    }

    @Override
    public Optional<Symptom> attempt(SessionPlan.Transport transport, List<Step> steps) throws InterruptedException {
        pause.writeLock().lockInterruptibly();
        try {
            return attempt(wires.get(), transport, steps).map(Observation::symptom);
        } finally {
            pause.writeLock().unlock();
        }
    }

    /**
     * Runs {@code steps} on a target known to be up, waits until the server has read them, probes, and brings the
     * target back where they broke it, so that it is up again for whatever comes next.
     */
    private Optional<Observation> attempt(Wire wire, SessionPlan.Transport transport, List<Step> steps)
            throws InterruptedException {
        Wire.Outcome o = wire.run(transport, steps, target::address, true);
        Optional<Observation> seen = check(wire, o.stalled());
        if (seen.isPresent()) {
            target.restart(() -> healthy(wire));
        }
        return seen;
    }

    /** The reference server this driver runs in this JVM, if it runs one: what a bench reads the health of. */
    public Optional<org.mmsspec.server.MockMmsServer> embeddedServer() {
        return target instanceof EmbeddedTarget e ? Optional.of(e.server()) : Optional.empty();
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public Reproducer.Target target() {
        return target.describe();
    }

    @Override
    public void close() {
        target.close();
    }
}
