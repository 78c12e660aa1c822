package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CampaignMergeTest {

    @TempDir
    Path tmp;

    static Reproducer finding(long seed, long session, Symptom symptom, String trigger, int... lengths) {
        List<Step> steps = Stream.of(lengths).flatMapToInt(java.util.Arrays::stream)
                .mapToObj(n -> new Step(0, new byte[n], Step.Segmenting.WHOLE, Step.Await.NOTHING, trigger)).toList();
        return new Reproducer(Reproducer.Role.SERVER, seed, session, SessionPlan.Transport.MMST, symptom,
                FuzzState.OPENED, trigger, "", new Reproducer.Target("127.0.0.1:1755", null, null), "attack", steps,
                true, 9, 999);
    }

    Path shard(String name, String stats, Reproducer... findings) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        if (stats != null) {
            Files.writeString(dir.resolve("stats.json"), stats);
        }
        for (Reproducer r : findings) {
            ReproducerFile.save(dir.resolve("findings"), r);
        }
        return dir;
    }

    @Test
    void twoShardsMergeWithoutDuplicatesKeepingTheSmallerAndSummingTheStats() throws IOException {
        Path a = shard("a", """
                {"sessions":1000,"sessionsPerSecond":100.0,"findings":2,"states":{"opened":600,"connected":400},
                 "seed":7,"shard":"1/2","elapsedSeconds":10}""",
                finding(7, 0, Symptom.CRASH, "OpenFile", 40, 30),
                finding(7, 2, Symptom.HANG, "ReadBlock", 10));
        Path b = shard("b", """
                {"sessions":3000,"sessionsPerSecond":150.0,"findings":2,"states":{"opened":1000,"streaming":2000},
                 "seed":7,"shard":"2/2","elapsedSeconds":20}""",
                finding(7, 1, Symptom.CRASH, "OpenFile", 20, 20, 20),
                finding(7, 3, Symptom.CRASH, "Pong", 5));
        Path out = tmp.resolve("merged");
        CampaignMerge.MergeResult m = CampaignMerge.merge(out, List.of(a, b));

        assertThat(m.findings()).isEqualTo(3);
        assertThat(m.duplicates()).isEqualTo(1);
        try (Stream<Path> files = Files.list(out.resolve("findings"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "crash-opened-openfile.json", "hang-opened-readblock.json", "crash-opened-pong.json");
        }
        // 60 bytes in three steps beat 70 bytes in two
        assertThat(ReproducerFile.read(out.resolve("findings/crash-opened-openfile.json")).session()).isEqualTo(1);

        JsonNode stats = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.get("sessions").asLong()).isEqualTo(4000);
        assertThat(stats.get("findings").asInt()).isEqualTo(3);
        assertThat(stats.get("seed").asLong()).isEqualTo(7);
        assertThat(stats.get("sessionsPerSecond").asDouble()).isEqualTo(200.0);
        assertThat(stats.get("states").get("opened").asLong()).isEqualTo(1600);
        assertThat(stats.get("states").get("connected").asLong()).isEqualTo(400);
        assertThat(stats.get("states").get("streaming").asLong()).isEqualTo(2000);
        assertThat(stats.get("shards")).hasSize(2);
    }

    @Test
    void tiesGoToFewerStepsThenTheEarlierSession() throws IOException {
        Path a = shard("a", null, finding(7, 8, Symptom.CRASH, "X", 10, 10), finding(7, 9, Symptom.HANG, "Y", 5));
        Path b = shard("b", null, finding(7, 3, Symptom.CRASH, "X", 20), finding(7, 4, Symptom.HANG, "Y", 5));
        Path out = tmp.resolve("merged");
        CampaignMerge.MergeResult m = CampaignMerge.merge(out, List.of(a, b));

        assertThat(ReproducerFile.read(out.resolve("findings/crash-opened-x.json")).session()).isEqualTo(3);
        assertThat(ReproducerFile.read(out.resolve("findings/hang-opened-y.json")).session()).isEqualTo(4);
        // without stats files: no sessions known, no rate, the seed from the findings
        assertThat(m.sessions()).isZero();
        assertThat(m.seeds()).containsExactly(7L);
    }

    @Test
    void differentSeedsAreDifferentCampaigns() throws IOException {
        Path a = shard("a", "{\"sessions\":10,\"sessionsPerSecond\":5,\"findings\":0,\"states\":{},\"seed\":1}");
        Path b = shard("b", "{\"sessions\":20,\"sessionsPerSecond\":4,\"findings\":0,\"states\":{},\"seed\":2}");
        assertThatThrownBy(() -> CampaignMerge.merge(tmp.resolve("m1"), List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different seeds");
        assertThat(tmp.resolve("m1/stats.json")).doesNotExist();

        CampaignMerge.MergeResult m = CampaignMerge.merge(tmp.resolve("m2"), List.of(a, b), true);
        assertThat(m.sessions()).isEqualTo(30);
        // no elapsed time said: shards run side by side, so their rates add up
        assertThat(m.sessionsPerSecond()).isEqualTo(9.0);
    }

    @Test
    void theCommandRefusesAnOutputThatHoldsACampaign() throws IOException {
        Path a = shard("a", "{\"sessions\":10,\"seed\":1}", finding(1, 0, Symptom.CRASH, "X", 3));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new FuzzMergeCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err));

        assertThat(cl.execute(tmp.resolve("m").toString(), a.toString())).isZero();
        assertThat(out.toString()).contains("10 sessions, 1 findings");
        assertThat(cl.execute(a.toString(), a.toString())).isEqualTo(FuzzMergeCommand.UNUSABLE);
        assertThat(err.toString()).contains("already holds a campaign");
    }
}
