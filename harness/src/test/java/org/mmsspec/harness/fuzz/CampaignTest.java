package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignTest {

    @TempDir
    Path dir;

    static FuzzOptions options(Path out, long max, Shard shard, boolean resume, int jobs) {
        // the engine's own tests: minimisation would rename the arithmetic findings (MinimiserTest covers it)
        return new FuzzOptions(42, Duration.ofHours(1), max, out, resume, jobs, shard, Duration.ofSeconds(1),
                "sample.asf", false, false);
    }

    static Campaign.Result run(FuzzOptions o, ArithmeticDriver d) throws Exception {
        return new Campaign(o, d, new PrintWriter(new StringWriter())).run();
    }

    @Test
    void findingsAreSavedOncePerKeyAndTheRestCountAsRepeats() throws Exception {
        ArithmeticDriver d = new ArithmeticDriver(2, 0);
        Campaign.Result r = run(options(dir, 100, Shard.ALL, false, 2), d);

        assertThat(r.sessions()).isEqualTo(100);
        assertThat(d.ran).hasSize(100).doesNotHaveDuplicates();
        // sessions 7, 17, ..., 97 find: two keys, eight repeats
        assertThat(r.findings()).isEqualTo(2);
        assertThat(r.repeats()).isEqualTo(8);
        assertThat(dir.resolve("findings/crash-connected-connect.json")).exists();
        assertThat(dir.resolve("findings/crash-connected-readblock.json")).exists();
        assertThat(r.saved()).extracting(Campaign.Saved::key)
                .containsExactlyInAnyOrder("crash-connected-connect", "crash-connected-readblock");
    }

    @Test
    void statsJsonHasTheFieldsTheIssueNames() throws Exception {
        run(options(dir, 50, Shard.ALL, false, 1), new ArithmeticDriver(1, 0));

        JsonNode s = new ObjectMapper().readTree(dir.resolve("stats.json").toFile());
        assertThat(s.get("sessions").asLong()).isEqualTo(50);
        assertThat(s.get("sessionsPerSecond").isNumber()).isTrue();
        assertThat(s.get("findings").asInt()).isEqualTo(2);
        assertThat(s.get("seed").asLong()).isEqualTo(42);
        // n mod 5 over 0..49: ten sessions in each of the first five states
        assertThat(s.get("states").get("start").asLong()).isEqualTo(10);
        assertThat(s.get("states").get("connected").asLong()).isEqualTo(10);
        assertThat(s.get("states").get("opened").asLong()).isEqualTo(10);
        List<String> names = new ArrayList<>();
        s.fieldNames().forEachRemaining(names::add);
        assertThat(names).startsWith("sessions", "sessionsPerSecond", "findings", "states", "seed");
    }

    @Test
    void shardsSplitTheSessionsOfOneCampaignWithoutOverlap() throws Exception {
        List<Long> union = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            ArithmeticDriver d = new ArithmeticDriver(2, 0);
            run(options(dir.resolve("shard" + k), 40, new Shard(k, 3), false, 2), d);
            union.addAll(d.ran);
        }
        ArithmeticDriver whole = new ArithmeticDriver(2, 0);
        run(options(dir.resolve("all"), 120, Shard.ALL, false, 2), whole);

        assertThat(union).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(whole.ran);
        assertThat(whole.ran).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 120).boxed().toList());
    }

    @Test
    void aResumedCampaignGoesOnWhereTheLastStopped() throws Exception {
        ArithmeticDriver first = new ArithmeticDriver(2, 0);
        run(options(dir, 30, Shard.ALL, false, 2), first);
        ArithmeticDriver second = new ArithmeticDriver(2, 0);
        Campaign.Result r = run(options(dir, 30, Shard.ALL, true, 2), second);

        assertThat(second.ran).containsExactlyInAnyOrderElementsOf(LongStream.range(30, 60).boxed().toList());
        assertThat(r.sessions()).isEqualTo(60);
        assertThat(r.saved()).isEmpty(); // both keys were found in the first run
        assertThat(r.repeats()).isEqualTo(4);
    }

    @Test
    void aDirectoryWithACampaignIsRefusedWithoutResumeAndWithAnotherSeedOrShard() throws Exception {
        run(options(dir, 5, new Shard(1, 2), false, 1), new ArithmeticDriver(1, 0));

        assertThatThrownBy(() -> run(options(dir, 5, new Shard(1, 2), false, 1), new ArithmeticDriver(1, 0)))
                .isInstanceOf(CampaignException.class).hasMessageContaining("--resume");
        assertThatThrownBy(() -> run(options(dir, 5, new Shard(2, 2), true, 1), new ArithmeticDriver(1, 0)))
                .isInstanceOf(CampaignException.class).hasMessageContaining("shard 1/2");
        FuzzOptions otherSeed = new FuzzOptions(7, Duration.ofHours(1), 5, dir, true, 1, new Shard(1, 2),
                Duration.ofSeconds(1), "sample.asf", true, false);
        assertThatThrownBy(() -> new Campaign(otherSeed, new ArithmeticDriver(1, 0), new PrintWriter(new StringWriter())).run())
                .isInstanceOf(CampaignException.class).hasMessageContaining("seed 42");
        assertThat(CampaignLog.savedSeed(dir)).isEqualTo(42);
    }

    @Test
    void aTornLastJournalRecordIsIgnoredAndRecordsTheSnapshotHoldsCountOnce() throws Exception {
        run(options(dir, 10, Shard.ALL, false, 1), new ArithmeticDriver(1, 0));
        // as if killed after the snapshot's rename but before the journal restarted, in the middle of a record
        Files.writeString(dir.resolve("journal"), "8 funnel\n9 opened\n10 sta");
        ArithmeticDriver d = new ArithmeticDriver(1, 0);
        Campaign.Result r = run(options(dir, 5, Shard.ALL, true, 1), d);

        assertThat(d.ran).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(r.sessions()).isEqualTo(15);
    }

    @Test
    void theStatusLineSaysRateStatesFindingsAndTime() {
        String line = Campaign.statusLine(1234, 5012.4, java.util.Map.of(FuzzState.CONNECTED, 3L,
                FuzzState.READ_BLOCK, 1L), 2, Duration.ofSeconds(75));
        assertThat(line).contains("1,234 sessions", "5,012/s", "states 2 (deepest read-block)", "findings 2",
                "00:01:15");
    }
}
