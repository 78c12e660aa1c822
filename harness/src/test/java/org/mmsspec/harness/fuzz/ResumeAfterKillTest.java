package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a campaign, then --resume: no finding lost, no finished session run again. */
class ResumeAfterKillTest {

    static final Shard SHARD = new Shard(2, 3);

    @TempDir
    Path dir;

    @Test
    void aCampaignKilledBySigkillResumesWithoutLosingOrRepeatingAnything() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CampaignChild.class.getName(), dir.toString(), "false")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // past a few snapshots, so that the state is split between campaign.json and the journal
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (doneBeforeKill().size() < 300 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no last snapshot
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Set<Long> first = doneBeforeKill();
        assertThat(first).hasSizeGreaterThanOrEqualTo(300);
        Set<String> foundFirst = findingFiles();

        ArithmeticDriver second = new ArithmeticDriver(2, 0);
        FuzzOptions o = new FuzzOptions(42, Duration.ofMinutes(2), 200, dir, true, 2, SHARD, Duration.ofSeconds(1),
                "sample.asf", false, false);
        Campaign.Result r = new Campaign(o, second, new PrintWriter(new StringWriter())).run();

        Set<Long> union = new HashSet<>(first);
        for (long n : second.ran) {
            assertThat(union.add(n)).as("session %d ran again after the resume", n).isTrue();
        }
        List<Long> prefix = LongStream.range(0, union.size()).map(SHARD::session).boxed().toList();
        assertThat(union).containsExactlyInAnyOrderElementsOf(prefix);
        assertThat(r.sessions()).isEqualTo(union.size());
        // every session of the first run that found something left its file, and nothing was saved twice
        assertThat(foundFirst).containsAll(keys(first));
        assertThat(findingFiles()).containsExactlyInAnyOrderElementsOf(keys(union));
    }

    /** The finding files the fake driver's sessions make. */
    private static Set<String> keys(Iterable<Long> sessions) {
        Set<String> all = new HashSet<>();
        sessions.forEach(n -> ArithmeticDriver.trigger(n).ifPresent(t -> all.add("crash-connected-" + t.toLowerCase()
                + ".json")));
        return all;
    }

    /** The sessions the campaign's state says are done: the snapshot's, then the journal's whole records. */
    private Set<Long> doneBeforeKill() throws Exception {
        Set<Long> done = new HashSet<>();
        Path snapshot = dir.resolve(CampaignLog.SNAPSHOT);
        if (Files.exists(snapshot)) {
            try {
                var o = new com.fasterxml.jackson.databind.ObjectMapper().readTree(snapshot.toFile());
                LongStream.range(0, o.get("lowWater").asLong()).forEach(p -> done.add(SHARD.session(p)));
                o.get("done").forEach(p -> done.add(SHARD.session(p.asLong())));
            } catch (java.io.IOException e) {
                return done; // not written yet
            }
        }
        Path journal = dir.resolve(CampaignLog.JOURNAL);
        if (Files.exists(journal)) {
            String text = Files.readString(journal);
            int end = text.lastIndexOf('\n');
            if (end > 0) {
                for (String line : text.substring(0, end).split("\n")) {
                    done.add(Long.parseLong(line.split(" ")[0]));
                }
            }
        }
        return done;
    }

    private Set<String> findingFiles() throws Exception {
        Set<String> names = new HashSet<>();
        try (var s = Files.list(dir.resolve(CampaignLog.FINDINGS))) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
