package org.mmsspec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mmsspec.harness.client.CommandLauncher;

/**
 * {@code mmsspec client} as a user runs it, with shell scripts as clients: exit status (0, 1 on a failing case, 2 on
 * unusable options), what it prints and the reports it writes. One Connect case keeps it fast.
 */
class ClientCommandTest {

    private static final String CASE = "C-MMSP-2.2.4.17-01";

    @TempDir
    Path dir;

    static ServerCommandTest.Run client(String... args) {
        return ServerCommandTest.execute("client", args);
    }

    @Test
    void aClientThatNeverConnectsSkipsAndPasses() throws Exception {
        var r = client("--report-dir", dir.toString(), "--cases", CASE, "--", "sh", "-c", "exit 0", "x", "{url}");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("mmsspec client: 1 cases against sh -c exit 0 x {url}")
                .contains("SKIP  " + CASE).contains("1 cases: 0 pass, 0 fail, 0 warn, 1 skip, 0 error")
                .contains("observable client requirements").contains("report.json");
        assertThat(r.err()).contains("every case skipped");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.path("role").asText()).isEqualTo("client");
        assertThat(json.path("client").asText()).isEqualTo("sh -c exit 0 x {url}");
        assertThat(json.path("coverage").path("role").asText()).isEqualTo("client");
        assertThat(json.path("cases").get(0).path("id").asText()).isEqualTo(CASE);
        assertThat(Files.readString(dir.resolve("report.html"))).contains("mmsspec client conformance")
                .contains("<dt>client</dt><dd>sh -c exit 0 x {url}</dd>");
    }

    @Test
    void aCrashingClientFailsTheRunAndTheBaselineForgivesIt() throws Exception {
        var r = client("--report-dir", dir.toString(), "--cases", CASE, "--client-timeout", "5", "--",
                "sh -c 'kill -SEGV $$'");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  " + CASE).contains("died by SIGSEGV");
        Path baseline = dir.resolve("baseline.json");
        Files.move(dir.resolve("report.json"), baseline);
        var again = client("--report-dir", dir.toString(), "--cases", CASE, "--baseline", baseline.toString(),
                "--quiet", "--", "sh", "-c", "kill -SEGV $$");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("0 not in the baseline fail the build");
    }

    @Test
    void unusableOptionsExitTwo() {
        assertThat(client("--scheme", "rtsp", "--", "true").exit()).isEqualTo(2);
        assertThat(client("--scheme", "rtsp", "--", "true").err()).contains("unknown scheme 'rtsp'");
        assertThat(client("--parallel", "0", "--", "true").exit()).isEqualTo(2);
        assertThat(client("--client-timeout", "soon", "--", "true").exit()).isEqualTo(2);
        assertThat(client("--baseline", dir.resolve("none.json").toString(), "--", "true").exit()).isEqualTo(2);
        assertThat(client().exit()).as("no command").isEqualTo(2);
        assertThat(client("--", "sh -c 'unterminated").exit()).isEqualTo(2);
        var missing = client("--", "no-such-mmsspec-client", "{url}");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot run no-such-mmsspec-client: no such program on PATH");
    }

    @Test
    void theClientsOptionsAreItsOwnEvenWithoutDashDash() {
        var r = client("--report-dir", dir.toString(), "--cases", CASE, "sh", "-c", "exit 0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("against sh -c exit 0");
    }

    /** The README's example, as written, where ffmpeg is installed. */
    @Test
    @Tag("peers")
    void ffmpegAsTheReadmeRunsIt() {
        assumeTrue(CommandLauncher.onPath("ffmpeg"), "ffmpeg is not installed");
        var r = client("--report-dir", dir.toString(), "--cases", CASE, "--", "ffmpeg", "-nostdin", "-v", "error",
                "-i", "{url}", "-c", "copy", "-f", "null", "-");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS  " + CASE);
    }
}
