package org.mmsspec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mmsspec.harness.fuzz.FuzzOptions;
import org.mmsspec.harness.fuzz.Shard;

import picocli.CommandLine;

class FuzzCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = Mmsspec.commandLine(new ByteArrayInputStream(new byte[0]));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void durationsTakeTheUnitsOfTheIssue() {
        assertThat(FuzzFlags.duration("--duration", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(FuzzFlags.duration("--duration", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(FuzzFlags.duration("--duration", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(FuzzFlags.duration("--duration", "1d")).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> FuzzFlags.duration("--duration", "10 minutes"))
                .hasMessageContaining("30s, 10m, 2h");
    }

    @Test
    void theFlagsBuildTheOptions() throws Exception {
        FuzzFlags f = new FuzzFlags();
        new CommandLine(f).parseArgs("--duration", "2h", "--seed", "7", "--out", dir.toString(), "--jobs", "3",
                "--shard", "2/8", "--max-sessions", "1000", "--timeout", "500ms", "--no-minimise", "--quiet");
        FuzzOptions o = f.options("x.asf", new PrintWriter(err));

        assertThat(o).isEqualTo(new FuzzOptions(7, Duration.ofHours(2), 1000, dir, false, 3, new Shard(2, 8),
                Duration.ofMillis(500), "x.asf", false, false));
    }

    @Test
    void withoutASeedOneIsDrawnAndSaid() throws Exception {
        FuzzFlags f = new FuzzFlags();
        new CommandLine(f).parseArgs();
        FuzzOptions o = f.options("x.asf", new PrintWriter(err, true));

        assertThat(err.toString()).contains("seed " + o.seed());
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.out()).isEqualTo(Path.of("mmsspec-fuzz"));
        assertThat(o.minimise()).isTrue();
        assertThat(o.status()).isTrue();
    }

    @Test
    void badUsageExitsWith2() {
        assertThat(run("fuzz", "server")).isEqualTo(2);
        assertThat(err.toString()).contains("HOST:PORT");
        assertThat(run("fuzz", "server", "127.0.0.1:1755", "--embedded")).isEqualTo(2);
        assertThat(run("fuzz", "server", "127.0.0.1:1755", "--plant", "pong-before-ping")).isEqualTo(2);
        assertThat(run("fuzz", "server", "--embedded", "--plant", "no-such-bug", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(run("fuzz", "server", "--embedded", "--shard", "4/3")).isEqualTo(2);
        assertThat(run("fuzz", "server", "--embedded", "--duration", "soon")).isEqualTo(2);
        assertThat(run("fuzz")).isEqualTo(2);
    }

    @Test
    void anUnreachableTargetExitsWith2() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(run("fuzz", "server", "127.0.0.1:" + port, "--out", dir.toString(), "--seed", "1",
                "--timeout", "1s", "--quiet")).isEqualTo(2);
        assertThat(err.toString()).contains("liveness probe", "refused");
    }

    @Test
    void aShortCampaignOnTheEmbeddedReferenceFindsNothingAndWritesStats() throws Exception {
        Path out = dir.resolve("run");
        assertThat(run("fuzz", "server", "--embedded", "--max-sessions", "300", "--seed", "5", "--out",
                out.toString(), "--quiet")).isEqualTo(0);

        assertThat(this.out.toString()).contains("300 sessions", "seed 5", "states reached:");
        var stats = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.get("sessions").asLong()).isEqualTo(300);
        assertThat(stats.get("findings").asInt()).isZero();
        // the same directory again is refused without --resume, and goes on with it
        assertThat(run("fuzz", "server", "--embedded", "--max-sessions", "10", "--seed", "5", "--out",
                out.toString(), "--quiet")).isEqualTo(2);
        assertThat(run("fuzz", "server", "--embedded", "--max-sessions", "10", "--resume", "--out", out.toString(),
                "--quiet")).isEqualTo(0);
        assertThat(Files.readString(out.resolve("stats.json"))).contains("\"sessions\" : 310", "\"seed\" : 5");
    }
}
