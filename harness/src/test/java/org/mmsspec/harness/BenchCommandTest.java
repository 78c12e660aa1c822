package org.mmsspec.harness;

import org.mmsspec.cases.ConformanceCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.ServerCases;

import picocli.CommandLine;

/** The bench prints what it measured; how fast is for the machine to say, not for a test. */
class BenchCommandTest {

    @Test
    void benchServerPrintsEachRunAndTheMedian() {
        StringWriter out = new StringWriter();
        CommandLine cl = Mmsspec.commandLine(new ByteArrayInputStream(new byte[0])).setOut(new PrintWriter(out));
        int exit = cl.execute("bench", "server", "--runs", "2", "--parallel", "4");
        assertThat(exit).as(out.toString()).isZero();
        long cases = ServerCases.all().stream().filter(c -> !c.tagged(ConformanceCase.SLOW)).count();
        String run = " cases in \\d+\\.\\d{3} s, \\d+\\.\\d cases/s \\(\\d+ failing\\)";
        assertThat(out.toString())
                .containsPattern("(?m)^run 1: " + cases + run + "; \\d+\\.\\d{3} s since the JVM started$")
                .containsPattern("(?m)^run 2: " + cases + run + "$")
                .containsPattern("(?m)^median: \\d+\\.\\d cases/s over 2 runs$");
    }

    @Test
    void benchAloneAsksWhatToMeasure() {
        StringWriter err = new StringWriter();
        CommandLine cl = Mmsspec.commandLine(new ByteArrayInputStream(new byte[0])).setErr(new PrintWriter(err));
        assertThat(cl.execute("bench")).isEqualTo(2);
        assertThat(err.toString()).contains("bench server");
    }
}
