package org.mmsspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** bench streaming and bench server-memory print their figures last; how fast is the machine's to say. */
class StreamingBenchTest {

    private static final String NUM = "\\d+\\.\\d";

    @Test
    void benchStreamingPrintsEachLevelAndTheFiguresLast() {
        StringWriter out = new StringWriter();
        CommandLine cl = Bench.commandLine().setOut(new PrintWriter(out));
        int exit = cl.execute("streaming", "--sessions", "1,5", "--repeat", "2", "--warmup", "2");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("warmup: 2 sessions, 0 failed")
                .containsPattern("(?m)^5 sessions: " + NUM + " MB/s, .*; 0 failed$");
        StringBuilder level = new StringBuilder();
        for (int n : new int[] {1, 5}) {
            level.append("sessions_").append(n).append("_mb_s=").append(NUM).append(" sessions_").append(n)
                    .append("_per_s=").append(NUM).append(" ttfdp_").append(n).append("_p50_ms=").append(NUM)
                    .append(" ttfdp_").append(n).append("_p99_ms=").append(NUM).append(" ttfdp_").append(n)
                    .append("_max_ms=").append(NUM).append(" peak_").append(n).append("=[1-").append(n)
                    .append("] server_cpu_").append(n).append("_s=\\d+\\.\\d\\d wall_").append(n)
                    .append("_s=\\d+\\.\\d{3} ");
        }
        assertThat(lastLine(out)).matches(level + "repeat=2 failed=0");
    }

    @Test
    void benchServerMemoryReadsTheServerIdleAndWithTheSessions() {
        StringWriter out = new StringWriter();
        CommandLine cl = Bench.commandLine().setOut(new PrintWriter(out));
        int exit = cl.execute("server-memory", "--sessions", "5", "--settle", "1");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("5 sessions streaming after");
        assertThat(lastLine(out)).matches("sessions=5 rss_mb=" + NUM + " heap_mb=" + NUM + " idle_rss_mb=" + NUM
                + " idle_heap_mb=" + NUM + " rss_kb_per_session=-?" + NUM + " heap_kb_per_session=-?" + NUM
                + " peak=5 failed=0");
    }

    @Test
    void benchStreamingRefusesNoSessions() {
        StringWriter err = new StringWriter();
        CommandLine cl = Bench.commandLine().setErr(new PrintWriter(err));
        assertThat(cl.execute("streaming", "--sessions", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--sessions must be at least 1");
    }

    private static String lastLine(StringWriter out) {
        String[] lines = out.toString().strip().split("\\R");
        return lines[lines.length - 1];
    }
}
