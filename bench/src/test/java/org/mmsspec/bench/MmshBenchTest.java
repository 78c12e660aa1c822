package org.mmsspec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** bench mmsh with tiny values: the lines and the last line's shape, never how fast (that is the machine's to say). */
class MmshBenchTest {

    @Test
    void bothServersSideBySidePrintALinePerLevelAndTheRatiosLast() throws Exception {
        assumeTrue(MmshBench.onPath("ffmpeg") != null, "ffmpeg is not installed: it makes the media (apt-get install ffmpeg)");
        assumeTrue(MmshBench.onPath("cvlc") != null, "cvlc is not installed: VLC is one of the two servers compared "
                + "(apt-get install vlc-bin vlc-plugin-base)");
        assumeTrue(!"root".equals(System.getProperty("user.name")) || userExists(MmshBench.VLC_USER),
                "running as root and there is no user " + MmshBench.VLC_USER + " for VLC (useradd -m mmsuser)");
        StringWriter out = new StringWriter();
        CommandLine cl = Bench.commandLine().setOut(new PrintWriter(out));
        int exit = cl.execute("mmsh", "--sessions", "2", "--window", "2s", "--media-seconds", "20",
                "--start-limit", "5s");
        assertThat(exit).as(out.toString()).isZero();
        String level = " +2 sessions: kept up, 0 failed, 0 behind, max lag -?\\d+\\.\\d s; cpu \\d+\\.\\d\\d s in "
                + "\\d+\\.\\d s = \\d+\\.\\d{4} cpu s per session-minute; \\d+\\.\\d Mbit/s";
        assertThat(out.toString()).containsPattern("(?m)^ours" + level + "$").containsPattern("(?m)^vlc " + level
                + "$");
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines[lines.length - 1]).matches("compare_sessions=2 ours_cpu_s_per_session_min=\\d+\\.\\d{4} "
                + "vlc_cpu_s_per_session_min=\\d+\\.\\d{4} cpu_ratio=(\\d+\\.\\d{3}|inf|nan) ours_max_sessions=2 "
                + "vlc_max_sessions=2 sessions_ratio=1\\.00 max_tried=2 window_s=2\\.0");
    }

    @Test
    void refusesLevelsAboveTheMaximumAndTooShortAMedia() {
        StringWriter err = new StringWriter();
        CommandLine cl = Bench.commandLine().setErr(new PrintWriter(err));
        assertThat(cl.execute("mmsh", "--sessions", "50", "--max-sessions", "10")).isEqualTo(2);
        assertThat(cl.execute("mmsh", "--window", "60s", "--media-seconds", "30")).isEqualTo(2);
        assertThat(err.toString()).contains("--sessions").contains("--media-seconds");
    }

    private static boolean userExists(String user) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
