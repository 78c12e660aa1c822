package org.mmsspec.harness.fuzz.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.mmsspec.harness.Mmsspec;
import org.mmsspec.harness.client.CommandLauncher;
import org.mmsspec.harness.fuzz.ReproducerFile;

/**
 * A short, bounded client campaign against FFmpeg, as a user runs it ({@code mmsspec fuzz client -- ffmpeg ...}),
 * over mmst:// and over mmsh://. Whatever it finds stays as reproducers in
 * {@code target/mmsspec-fuzz-ffmpeg/SCHEME/findings}, beside stats.json, and each must replay through
 * {@code mmsspec replay}. {@code -Dmmsspec.fuzz.seconds} changes the time per scheme.
 */
@Tag("peers")
class ClientFuzzTest {

    static final List<String> FFMPEG = List.of("ffmpeg", "-nostdin", "-v", "error", "-i", "{url}", "-c", "copy",
            "-f", "null", "-");
    static final Path OUT = Path.of("target", "mmsspec-fuzz-ffmpeg");

    @ParameterizedTest
    @ValueSource(strings = {"mmst", "mmsh"})
    void aShortCampaignAgainstFfmpegKeepsReplayableFindings(String scheme) throws Exception {
        assumeTrue(CommandLauncher.onPath("ffmpeg"), "ffmpeg is not installed: .ci/run installs it");
        Path out = OUT.resolve(scheme);
        deleteTree(out);
        String seconds = Long.getLong("mmsspec.fuzz.seconds", 20) + "s";
        Run campaign = mmsspec(Stream.concat(Stream.of("fuzz", "client", "--scheme", scheme, "--seed", "7",
                "--duration", seconds, "--timeout", "2s", "--out", out.toString(), "--quiet", "--"),
                FFMPEG.stream()).toArray(String[]::new));
        System.out.println("ffmpeg " + scheme + ":\n" + campaign.text());

        assertThat(campaign.code()).as(campaign.text()).isIn(0, 1);
        JsonNode stats = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.get("sessions").asLong()).isPositive();
        assertThat(stats.get("seed").asLong()).isEqualTo(7);
        assertThat(stats.get("states").size()).as("states reached").isGreaterThanOrEqualTo(3);
        assertThat(stats.get("findings").asInt()).isEqualTo(campaign.code() == 1 ? findings(out).size() : 0);
        for (Path f : findings(out)) {
            // hangs and races vary: a finding must come back at least once in three sends
            Run replay = mmsspec("replay", f.toString(), "--times", "3", "--quiet", "--timeout", "2s");
            assertThat(replay.code()).as(f + " replays:\n" + replay.text()).isIn(0, 1);
        }
    }

    record Run(int code, String text) {
    }

    static Run mmsspec(String... args) {
        StringWriter text = new StringWriter();
        int code = Mmsspec.commandLine(System.in).setOut(new PrintWriter(text)).setErr(new PrintWriter(text))
                .execute(args);
        return new Run(code, text.toString());
    }

    private static List<Path> findings(Path out) throws java.io.IOException {
        return ReproducerFile.list(out.resolve("findings"));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
