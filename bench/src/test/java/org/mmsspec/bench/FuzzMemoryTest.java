package org.mmsspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** bench fuzz-memory: a short campaign in a JVM of its own, watched; its figures last. */
class FuzzMemoryTest {

    @Test
    void aShortCampaignPrintsItsMemoryLast() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Bench.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cl.execute("fuzz-memory", "--duration", "4s", "--heap-every", "1s", "--jobs", "2");
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).containsPattern("(?m)^ +\\d+ s: rss \\d+ MB \\(peak \\d+ MB\\), heap \\d+ MB$")
                .containsPattern("(?m)heap \\d+ MB after a full GC$");
        String[] lines = out.toString().strip().split("\\R");
        String last = lines[lines.length - 1];
        assertThat(last).matches("duration_s=4 sessions=\\d+ sessions_per_s=\\d+\\.\\d rss_mb_peak=\\d+ "
                + "rss_mb_end=\\d+ heap_mb_peak=\\d+ heap_mb_after_gc_end=\\d+");
        Map<String, Double> f = new HashMap<>();
        for (String word : last.split(" ")) {
            String[] kv = word.split("=");
            f.put(kv[0], Double.parseDouble(kv[1]));
        }
        assertThat(f.get("sessions")).isPositive();
        assertThat(f.get("rss_mb_end")).isPositive().isLessThanOrEqualTo(f.get("rss_mb_peak"));
        assertThat(f.get("heap_mb_after_gc_end")).isLessThanOrEqualTo(f.get("heap_mb_peak"))
                .isLessThan(f.get("rss_mb_peak"));
    }

    @Test
    void readsTheHeapOfG1AndOfGenerationalCollectors() {
        String g1 = """
                 garbage-first heap   total 262144K, used 20480K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 31000K, committed 31500K, reserved 1114112K
                  class space    used 3000K, committed 3200K, reserved 1048576K
                """;
        String serial = """
                 def new generation   total 4928K, used 1024K [0x1, 0x2, 0x3)
                  eden space 4416K,  23% used [0x1, 0x2, 0x3)
                 tenured generation   total 10944K, used 2048K [0x1, 0x2, 0x3)
                 Metaspace       used 100K, committed 200K, reserved 1056768K
                """;
        assertThat(FuzzMemory.usedKb(g1)).isEqualTo(OptionalLong.of(20480));
        assertThat(FuzzMemory.usedKb(serial)).isEqualTo(OptionalLong.of(3072));
        assertThat(FuzzMemory.usedKb("12345:\ncom.sun.tools.attach.AttachNotSupportedException")).isEmpty();
    }
}
