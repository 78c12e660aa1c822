package org.mmsspec.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.mmsspec.cases.Finding;
import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.client.MockClientException;
import org.mmsspec.harness.client.CommandLauncher;

/**
 * VLC 3.0's MMSH server as an independent target: the MS-WMSP cases run against it ({@code --live}, media {@code /},
 * as VLC serves a live stream on {@code /} only), and its verdicts must be those pinned in
 * {@code baselines/vlc-3.0-mmsh.json}. A case that changes verdict either way fails the test, so the baseline says
 * what VLC does. Each FAIL's findings and transcripts go to {@code target/vlc-mmsh/fails.txt}.
 *
 * <p>Skips where cvlc, ffmpeg (to make the long ASF), runuser or the user mmsuser is missing: VLC refuses to run as
 * root, and .ci/run provides all of them.
 */
@Tag("peers")
class VlcMmshPeerTest {

    static final String BASELINE = "/baselines/vlc-3.0-mmsh.json";
    static final Path REPORT_DIR = Path.of("target", "vlc-mmsh");
    /** Long enough that no loop (and its mid-stream $H) happens while the cases run. */
    static final int MEDIA_SECONDS = 300;

    @Test
    void vlcMmshServerKeepsItsBaselineVerdicts() throws Exception {
        requirePeers();
        Path dir = Files.createTempDirectory("mmsspec-vlc",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path media = longAsf(dir);
        int port = freePort();
        Process vlc = new ProcessBuilder("runuser", "-u", "mmsuser", "--", "timeout", "-k", "5", "300", "cvlc", "-I",
                "dummy", "--loop", "--sout-keep", media.toString(), "--sout",
                "#std{access=mmsh,mux=asfh,dst=127.0.0.1:" + port + "}").directory(new File("/tmp"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("vlc.out").toFile()).redirectError(dir.resolve("vlc.err").toFile())
                .start();
        try {
            awaitServing(port, vlc, dir);
            RunReport report = run(port);
            ReportJson.write(report, REPORT_DIR);
            String fails = explainFails(report);
            Files.writeString(REPORT_DIR.resolve("fails.txt"), fails, StandardCharsets.UTF_8);
            System.out.println("VLC MMSH: " + report.summaryLine() + "\n" + fails);
            assertThat(report.verdicts()).as("VLC's verdicts against " + BASELINE
                    + " (report in " + REPORT_DIR.toAbsolutePath() + ")\n" + fails)
                    .isEqualTo(new TreeMap<>(Baseline.read(baselinePath())));
        } finally {
            vlc.destroy();
            if (!vlc.waitFor(10, TimeUnit.SECONDS)) {
                vlc.destroyForcibly();
            }
        }
    }

    static RunReport run(int port) throws URISyntaxException {
        Properties p = new Properties();
        p.setProperty("target", "127.0.0.1:" + port);
        p.setProperty("media", "/");
        p.setProperty("live", "true");
        p.setProperty("cases", "WMSP");
        p.setProperty("parallel", "4");
        p.setProperty("baseline", baselinePath().toString());
        try (ServerRun run = ServerRun.prepare(RunOptions.from(p, REPORT_DIR))) {
            return run.runAll(r -> { });
        }
    }

    /** Each FAIL: its section, what was expected and seen, and the bytes of every connection. */
    static String explainFails(RunReport report) {
        StringBuilder b = new StringBuilder();
        for (CaseResult r : report.results()) {
            if (r.verdict() != Verdict.FAIL) {
                continue;
            }
            b.append("== ").append(r.id()).append(' ').append(r.conformanceCase().description()).append('\n');
            for (Finding f : r.findings()) {
                b.append(f.section()).append(' ').append(f.level()).append(": ").append(f.message());
                if (f.expected() != null) {
                    b.append("\n  expected: ").append(f.expected()).append("\n  actual:   ").append(f.actual());
                }
                b.append('\n');
            }
            r.transcripts().forEach(t -> b.append("--- ").append(t.label()).append('\n').append(t.transcript()));
            b.append('\n');
        }
        return b.toString();
    }

    static Path baselinePath() throws URISyntaxException {
        var url = VlcMmshPeerTest.class.getResource(BASELINE);
        assertThat(url).as(BASELINE + " on the test class path").isNotNull();
        return Path.of(url.toURI());
    }

    static void requirePeers() {
        for (String bin : List.of("cvlc", "ffmpeg", "runuser", "timeout")) {
            assumeTrue(CommandLauncher.onPath(bin), bin + " is not installed: .ci/run installs it");
        }
        assumeTrue(PeerHost.isRoot(), "VLC runs as user mmsuser, which needs root to switch to: .ci/run runs the build as root");
        assumeTrue(PeerHost.userExists("mmsuser"), "user mmsuser does not exist: .ci/run creates it (useradd -m mmsuser)");
    }

    /** A long test-pattern ASF (WMV2 and WMA2, as the bundled sample is made), readable by mmsuser. */
    static Path longAsf(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("long.asf");
        Process p = new ProcessBuilder("timeout", "-k", "5", "120", "ffmpeg", "-nostdin", "-v", "error", "-y", "-f",
                "lavfi", "-i", "testsrc=size=160x120:rate=15", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=22050", "-t", Integer.toString(MEDIA_SECONDS), "-c:v", "wmv2",
                "-b:v", "100k", "-c:a", "wmav2", "-b:a", "32k", "-ac", "1", "-packet_size", "3200", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        assertThat(p.waitFor(130, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("ffmpeg made " + out + ": " + Files.readString(dir.resolve("ffmpeg.log"))).isTrue();
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        return out;
    }

    /**
     * Waits until VLC answers a Describe with its header: it listens before its muxer has one, and answers such early
     * requests with an empty body.
     */
    static void awaitServing(int port, Process vlc, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            assertThat(vlc.isAlive()).as("cvlc ended early: " + Files.readString(dir.resolve("vlc.err"))).isTrue();
            try {
                MmshResponse r = new MmshClient("127.0.0.1", port, Duration.ofSeconds(2)).describe("/");
                if (r.asfHeader().length > 0) {
                    return;
                }
            } catch (MockClientException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("cvlc did not serve a header on " + port + " within 20 s: "
                + Files.readString(dir.resolve("vlc.err")));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
