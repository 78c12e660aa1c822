package org.mmsspec.harness.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs a campaign: {@code jobs} lanes take the sessions of the shard in order and hand them to the driver until the
 * duration, the session bound or {@link #stop()} ends it. A finding is saved as found (so that a kill during
 * minimisation loses nothing), minimised with the other lanes paused, and saved again; a finding whose key is known
 * is a repeat. Every finished session is journalled after its finding's file is written, so {@code --resume} after
 * {@code kill -9} neither loses a finding nor runs a finished session again.
 */
public final class Campaign {

    /** How often campaign.json is written (and the journal restarted). */
    static final Duration SNAPSHOT_EVERY = Duration.ofSeconds(2);
    private static final long STATUS_MILLIS = 500;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A finding this run saved. */
    public record Saved(String key, Path file) {
    }

    /**
     * @param sessions          sessions of the whole campaign (resumed runs included)
     * @param sessionsPerSecond this run's rate
     * @param findings          findings in the output directory
     * @param repeats           findings of the whole campaign that were known already
     * @param states            sessions by the state they reached, whole campaign
     * @param saved             findings this run saved
     * @param elapsed           this run's time
     * @param failure           why the campaign ended early (target lost, disk full), or null
     */
    public record Result(long sessions, double sessionsPerSecond, int findings, long repeats,
            Map<FuzzState, Long> states, List<Saved> saved, Duration elapsed, String failure) {
    }

    private final FuzzOptions options;
    /** Where a finding goes that did not set its symptom off again on a fresh target. */
    static final String UNCONFIRMED = "unconfirmed";

    private final java.util.concurrent.atomic.AtomicLong unconfirmed = new java.util.concurrent.atomic.AtomicLong();
    private final SessionDriver driver;
    private final PrintWriter err;
    private final Duration snapshotEvery;
    private final ReentrantReadWriteLock exclusive = new ReentrantReadWriteLock();
    private final List<Saved> saved = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile String failure;
    private CampaignLog log;
    private long nextPosition;
    private long taken;
    private long deadline;
    private long lastSnapshot;

    public Campaign(FuzzOptions options, SessionDriver driver, PrintWriter err) {
        this(options, driver, err, SNAPSHOT_EVERY);
    }

    Campaign(FuzzOptions options, SessionDriver driver, PrintWriter err, Duration snapshotEvery) {
        this.options = options;
        this.driver = driver;
        this.err = err;
        this.snapshotEvery = snapshotEvery;
    }

    /** The seed of the campaign saved in {@code out}, or null: what {@code --resume} goes on with. */
    public static Long savedSeed(Path out) throws IOException {
        return CampaignLog.savedSeed(out);
    }

    /**
     * Ends the campaign cleanly, as Ctrl-C does: the lanes finish their sessions, the state is written. Waits up to
     * {@code grace} for that.
     */
    public void stop(Duration grace) throws InterruptedException {
        stopping = true;
        finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the campaign to its end.
     *
     * @throws CampaignException where it cannot start (a campaign in the way, a resume that does not match)
     */
    public Result run() throws IOException, InterruptedException {
        try (CampaignLog opened = CampaignLog.open(options)) {
            log = opened;
            nextPosition = log.lowWater();
            long start = System.nanoTime();
            deadline = start + Math.min(options.duration().toNanos(), Long.MAX_VALUE / 4);
            lastSnapshot = start;
            long sessionsBefore = log.sessions();
            int lanes = Math.max(1, Math.min(options.jobs(), driver.lanes()));
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                Thread t = new Thread(this::lane, "fuzz-lane-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            Thread status = options.status() ? startStatus(start) : null;
            try {
                for (Thread t : threads) {
                    t.join();
                }
            } finally {
                stopping = true;
                if (status != null) {
                    status.interrupt();
                    status.join();
                    err.print("\r" + " ".repeat(100) + "\r");
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            log.addElapsed(elapsed.toMillis());
            log.snapshot();
            long ran = log.sessions() - sessionsBefore;
            double rate = ran / Math.max(1e-9, elapsed.toNanos() / 1e9);
            Result r = new Result(log.sessions(), rate, countFindings(log.findings()), log.repeats(), log.states(),
                    List.copyOf(saved), elapsed, failure);
            AtomicFiles.write(options.out().resolve("stats.json"), statsJson(r));
            return r;
        } finally {
            finished.countDown();
        }
    }

    private void lane() {
        try {
            long position;
            while ((position = take()) >= 0) {
                long number = options.shard().session(position);
                SessionDriver.SessionResult r;
                exclusive.readLock().lockInterruptibly();
                try {
                    r = driver.run(number);
                } finally {
                    exclusive.readLock().unlock();
                }
                List<String> keys = new ArrayList<>(2);
                boolean repeat = r.finding().isPresent() && !keep(r.finding().get(), keys);
                log.record(number, r.reached(), repeat, keys);
                maybeSnapshot();
            }
        } catch (InterruptedException e) {
            stopping = true;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof CampaignException ? e.getMessage() : e.toString();
            stopping = true;
        }
    }

    /** The next position of the shard not yet done, or -1 when the campaign is over. */
    private synchronized long take() {
        if (stopping || taken >= options.maxSessions() || System.nanoTime() - deadline > 0) {
            return -1;
        }
        while (log.isDone(nextPosition)) {
            nextPosition++;
        }
        taken++;
        return nextPosition++;
    }

    /**
     * Saves a new finding, minimised where asked, and adds its keys to {@code keys}. False where it is a repeat.
     */
    private boolean keep(Reproducer found, List<String> keys) throws IOException, InterruptedException {
        if (log.claim(found.key())) {
            return false;
        }
        Path file = ReproducerFile.save(log.findings(), found);
        keys.add(found.key());
        Reproducer last = found;
        if (options.minimise()) {
            Minimiser.Outcome o;
            exclusive.writeLock().lockInterruptibly();
            try {
                o = Minimiser.minimise(found, driver, Minimiser.Budget.DEFAULT);
            } finally {
                exclusive.writeLock().unlock();
            }
            if (!o.reproduced()) {
                // sent alone to a fresh target it did nothing: no finding, but kept for whoever wants to look
                Path dir = log.findings().resolveSibling(UNCONFIRMED);
                Files.createDirectories(dir);
                Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                ReproducerFile.save(dir, o.result());
                unconfirmed.incrementAndGet();
                return false;
            }
            last = o.result();
        }
        if (!last.key().equals(found.key())) {
            // minimisation named the guilty step: the finding is known by both keys, and its file by the new one
            Files.deleteIfExists(file);
            if (log.claim(last.key())) {
                return true; // the minimised finding is one saved already
            }
            keys.add(last.key());
            file = ReproducerFile.save(log.findings(), last);
        } else if (last != found) {
            file = ReproducerFile.save(log.findings(), last);
        }
        saved.add(new Saved(last.key(), file));
        return true;
    }

    private void maybeSnapshot() throws IOException {
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastSnapshot < snapshotEvery.toNanos()) {
                return;
            }
            lastSnapshot = now;
        }
        log.snapshot();
    }

    private Thread startStatus(long start) {
        Thread t = new Thread(() -> {
            long lastSessions = log.sessions();
            long lastAt = System.nanoTime();
            try {
                while (!stopping) {
                    Thread.sleep(STATUS_MILLIS);
                    long now = System.nanoTime();
                    long sessions = log.sessions();
                    double rate = (sessions - lastSessions) / ((now - lastAt) / 1e9);
                    lastSessions = sessions;
                    lastAt = now;
                    err.print("\r" + statusLine(sessions, rate, log.states(), countFindings(log.findings()),
                            Duration.ofNanos(now - start)));
                    err.flush();
                }
            } catch (InterruptedException | IOException e) {
                // the campaign is over, or the findings directory went away: the summary says the rest
            }
        }, "fuzz-status");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String statusLine(long sessions, double rate, Map<FuzzState, Long> states, int findings,
            Duration elapsed) {
        String deepest = states.keySet().stream().max(Enum::compareTo).map(FuzzState::label).orElse("-");
        return String.format("%,d sessions  %,.0f/s  states %d (deepest %s)  findings %d  %s   ", sessions, rate,
                states.size(), deepest, findings, clock(elapsed));
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    static int countFindings(Path dir) throws IOException {
        return ReproducerFile.list(dir).size();
    }

    private byte[] statsJson(Result r) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("sessions", r.sessions());
        o.put("sessionsPerSecond", Math.round(r.sessionsPerSecond() * 10) / 10.0);
        o.put("findings", r.findings());
        ObjectNode s = o.putObject("states");
        r.states().forEach((k, v) -> s.put(k.label(), v));
        o.put("seed", options.seed());
        o.put("shard", options.shard().toString());
        o.put("elapsedSeconds", r.elapsed().toMillis() / 1000.0);
        o.put("repeats", r.repeats());
        o.put("unconfirmed", countFindings(options.out().resolve(UNCONFIRMED)));
        Reproducer.Target t = driver.target();
        ObjectNode target = o.putObject("target");
        target.put("address", t.address());
        target.put("command", t.command());
        if (t.planted() != null) {
            t.planted().forEach(target.putArray("planted")::add);
        }
        if (r.failure() != null) {
            o.put("failure", r.failure());
        }
        return JSON.writeValueAsBytes(o);
    }

    /** The end-of-run summary, for a person. */
    public static void summary(Result r, FuzzOptions options, PrintWriter out) {
        out.printf("mmsspec fuzz: %,d sessions (%,.0f/s this run, %s), seed %d, shard %s%n", r.sessions(),
                r.sessionsPerSecond(), clock(r.elapsed()), options.seed(), options.shard());
        out.printf("findings: %d in %s (%d new this run, %d repeats in all)%n", r.findings(),
                options.out().resolve(CampaignLog.FINDINGS), r.saved().size(), r.repeats());
        r.saved().forEach(s -> out.printf("  %-50s %s%n", s.key(), s.file()));
        try {
            int unconfirmed = countFindings(options.out().resolve(UNCONFIRMED));
            if (unconfirmed > 0) {
                out.printf("unconfirmed: %d in %s (sent alone to a fresh target, they did nothing)%n", unconfirmed,
                        options.out().resolve(UNCONFIRMED));
            }
        } catch (IOException e) {
            out.println("unconfirmed: cannot list " + options.out().resolve(UNCONFIRMED) + ": " + e.getMessage());
        }
        out.println("states reached:");
        r.states().forEach((k, v) -> out.printf("  %-15s %,d%n", k.label(), v));
        if (r.failure() != null) {
            out.println("stopped early: " + r.failure());
        }
    }
}
