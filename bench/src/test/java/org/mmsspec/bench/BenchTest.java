package org.mmsspec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.ConformanceCase;
import org.mmsspec.cases.server.ServerCases;

import picocli.CommandLine;

/** Each bench prints what it measured, last line a script can read; how fast is for the machine to say, not a test. */
class BenchTest {

    @Test
    void benchServerRunsTheLauncherAndJavaJarInTurnAndPrintsBothMedians() {
        Path jar = Path.of("..", "harness", "target", "mmsspec.jar");
        assumeTrue(Files.isRegularFile(jar), jar + " is not built (mvn package builds it before this module)");
        StringWriter out = new StringWriter();
        CommandLine cl = Bench.commandLine().setOut(new PrintWriter(out));
        int exit = cl.execute("server", "--runs", "1", "--parallel", "4", "--launcher", "../bin/mmsspec", "--jar",
                jar.toString());
        assertThat(exit).as(out.toString()).isZero();
        long cases = ServerCases.all().stream().filter(c -> !c.tagged(ConformanceCase.SLOW)).count();
        String run = ": " + cases + " cases in \\d+\\.\\d{3} s, \\d+\\.\\d cases/s \\(the cases alone \\d+\\.\\d{3} s; "
                + "0 not passing\\)$";
        assertThat(out.toString())
                .containsPattern("(?m)^bin/mmsspec +archiving run" + run)
                .containsPattern("(?m)^bin/mmsspec +run 1" + run)
                .containsPattern("(?m)^java -jar +run 1" + run);
        assertThat(lastLine(out)).matches("cases=" + cases + " runs=1 median_wall_s=\\d+\\.\\d{3} "
                + "median_cases_per_s=\\d+\\.\\d run_wall_s=\\d+\\.\\d{3} java_jar_median_wall_s=\\d+\\.\\d{3} "
                + "java_jar_median_cases_per_s=\\d+\\.\\d launcher_speedup=\\d+\\.\\d{2}");
    }

    @Test
    void benchServerSaysWhatIsMissing() {
        StringWriter err = new StringWriter();
        CommandLine cl = Bench.commandLine().setErr(new PrintWriter(err));
        assertThat(cl.execute("server", "--launcher", "no/such/mmsspec")).isEqualTo(Bench.UNUSABLE);
        assertThat(err.toString()).contains("no/such/mmsspec is missing");
    }

    @Test
    void everyBenchExplainsItselfWithHelp() {
        CommandLine cl = Bench.commandLine();
        assertThat(cl.getSubcommands().keySet()).contains("codec", "server", "fuzz", "fuzz-survival", "fuzz-memory",
                "streaming", "server-memory", "mmsh");
        for (String bench : cl.getSubcommands().keySet()) {
            StringWriter out = new StringWriter();
            int exit = Bench.commandLine().setOut(new PrintWriter(out)).execute(bench, "--help");
            assertThat(exit).as(bench).isZero();
            assertThat(out.toString()).as(bench).startsWith("Usage: mmsspec-bench " + bench).contains("last");
        }
    }

    @Test
    void benchAloneAsksWhatToMeasure() {
        StringWriter err = new StringWriter();
        CommandLine cl = Bench.commandLine().setErr(new PrintWriter(err));
        assertThat(cl.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("server").contains("codec").contains("fuzz");
    }

    @Test
    void benchFuzzPrintsTheRateLast() {
        StringWriter out = new StringWriter();
        CommandLine cl = Bench.commandLine().setOut(new PrintWriter(out));
        int exit = cl.execute("fuzz", "--duration", "1s", "--warmup", "0s", "--jobs", "2");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(lastLine(out)).matches("sessions=[1-9]\\d* wall_s=\\d+\\.\\d sessions_per_s=\\d+\\.\\d jobs=2 "
                + "cores=[1-9]\\d*");
    }

    @Test
    void benchFuzzRefusesABadDuration() {
        StringWriter err = new StringWriter();
        CommandLine cl = Bench.commandLine().setErr(new PrintWriter(err));
        assertThat(cl.execute("fuzz", "--duration", "soon")).isEqualTo(2);
        assertThat(cl.execute("fuzz", "--jobs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--duration").contains("--jobs");
    }

    @Test
    void benchFuzzSurvivalRunsTheSessionsAndGivesAVerdict() {
        StringWriter out = new StringWriter();
        CommandLine cl = Bench.commandLine().setOut(new PrintWriter(out));
        int exit = cl.execute("fuzz-survival", "--sessions", "2000", "--jobs", "4");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("200 sessions").contains("1,000 sessions").contains("2,000 sessions");
        assertThat(lastLine(out)).matches("sessions=2000 unhandled=0 open_connections=0 findings=0 heap_mb_10=\\d+ "
                + "heap_mb_50=\\d+ heap_mb_100=\\d+ wall_s=\\d+\\.\\d verdict=PASS");
    }

    @Test
    void benchFuzzSurvivalWantsSessions() {
        StringWriter err = new StringWriter();
        CommandLine cl = Bench.commandLine().setErr(new PrintWriter(err));
        assertThat(cl.execute("fuzz-survival", "--sessions", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--sessions must be at least 1");
    }

    private static String lastLine(StringWriter out) {
        String[] lines = out.toString().strip().split("\\R");
        return lines[lines.length - 1];
    }
}
