package org.mmsspec.harness.fuzz.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.harness.client.CommandLauncher;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.Reproducer;
import org.mmsspec.harness.fuzz.ReproducerFile;
import org.mmsspec.harness.fuzz.SessionDriver;
import org.mmsspec.harness.fuzz.Symptom;

/**
 * A short, bounded client campaign against FFmpeg, over mmst:// then mmsh://, with whatever it finds kept as
 * reproducers in {@code target/mmsspec-fuzz-ffmpeg/findings}. Each finding must replay. {@code -Dmmsspec.fuzz.jobs}
 * and {@code -Dmmsspec.fuzz.seconds} change the lanes and the time (the sessions per second are printed).
 */
@Tag("peers")
class ClientFuzzTest {

    static final String FFMPEG = "ffmpeg -nostdin -v error -i {url} -c copy -f null -";
    static final Path FINDINGS = Path.of("target", "mmsspec-fuzz-ffmpeg", "findings");

    @Test
    void aShortCampaignAgainstFfmpegReachesTheStatesAndKeepsReplayableFindings() throws Exception {
        assumeTrue(CommandLauncher.onPath("ffmpeg"), "ffmpeg is not installed: .ci/run installs it");
        int jobs = Integer.getInteger("mmsspec.fuzz.jobs", 2);
        long seconds = Long.getLong("mmsspec.fuzz.seconds", 36);
        Files.createDirectories(FINDINGS);
        Map<String, Reproducer> findings = new ConcurrentHashMap<>();
        Set<FuzzState> reached = ConcurrentHashMap.newKeySet();
        long sessions = 0;
        for (Scheme scheme : List.of(Scheme.MMST, Scheme.MMSH)) {
            try (ClientDriver d = new ClientDriver(FFMPEG, scheme,
                    ClientDriverTest.options(jobs, Duration.ofSeconds(2)), Optional.empty())) {
                long n = campaign(d, Duration.ofSeconds(seconds / 2), reached, findings);
                System.out.printf("ffmpeg %s: %d sessions in %d s with %d jobs: %.1f sessions/s; reached %s%n",
                        scheme.prefix(), n, seconds / 2, jobs, n / (double) (seconds / 2), reached);
                sessions += n;
                for (Reproducer r : findings.values()) {
                    if (r.transport().name().equalsIgnoreCase(scheme.name()) && !Files.exists(file(r))) {
                        ReproducerFile.save(FINDINGS, r);
                        assertThat(replays(d, r)).as("finding %s replays", r.key()).isTrue();
                    }
                }
            }
        }
        System.out.println("ffmpeg findings: " + findings.keySet());
        assertThat(sessions).isPositive();
        assertThat(reached).as("states reached").hasSizeGreaterThanOrEqualTo(4);
        assertThat(reached).contains(FuzzState.STREAMING, FuzzState.MMSH_STREAMING);
    }

    private static Path file(Reproducer r) {
        return FINDINGS.resolve(r.key() + ".json");
    }

    /** Sessions 0, 1, 2, ... on every lane at once until the time is up; the number run. */
    private static long campaign(SessionDriver d, Duration time, Set<FuzzState> reached,
            Map<String, Reproducer> findings) throws Exception {
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + time.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(d.lanes());
        try {
            List<Future<?>> lanes = new ArrayList<>();
            for (int i = 0; i < d.lanes(); i++) {
                lanes.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        SessionDriver.SessionResult r = d.run(next.getAndIncrement());
                        reached.add(r.reached());
                        r.finding().ifPresent(f -> findings.putIfAbsent(f.key(), f));
                    }
                    return null;
                }));
            }
            for (Future<?> f : lanes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return next.get();
    }

    /** Whether the finding's steps set off its symptom again in one of three attempts (hangs and races vary). */
    private static boolean replays(SessionDriver d, Reproducer r) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Optional<Symptom> s = d.attempt(r.transport(), r.steps());
            if (s.equals(Optional.of(r.symptom()))) {
                return true;
            }
        }
        return false;
    }
}
