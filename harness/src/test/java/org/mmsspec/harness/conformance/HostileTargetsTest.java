package org.mmsspec.harness.conformance;

import org.mmsspec.cases.Recorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.ConformanceCase;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.ServerCases;
import org.mmsspec.client.Transcript;
import org.mmsspec.client.TranscriptEntry;
import org.mmsspec.codec.Level;
import org.mmsspec.harness.conformance.HostileServer.Behaviour;

/**
 * The whole default suite against targets that do nothing right: every case must end with a verdict that is not PASS,
 * each within its deadline, the run within a bound of its own, and memory must stay bounded. The run is made cheap
 * with a short timeout and many cases at once, since the deadlines scale with the timeout.
 */
class HostileTargetsTest {

    static final Duration TIMEOUT = Duration.ofMillis(300);
    static final int PARALLEL = 64;
    /** Scheduling and GC on a loaded two-core machine, on top of a deadline. */
    static final long SLACK_MS = 2_000;

    @TempDir
    Path reports;

    @ParameterizedTest
    @EnumSource(Behaviour.class)
    @Timeout(120)
    void everyCaseEndsWithAVerdictThatIsNoPass(Behaviour behaviour) throws Exception {
        try (HostileServer server = HostileServer.start(behaviour)) {
            RunOptions options = options(server.port());
            long t0 = System.nanoTime();
            RunReport report;
            try (ServerRun run = ServerRun.prepare(options, suite())) {
                report = run.runAll(r -> { });
            }
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            long deadlineMs = options.settings().caseDeadline().toMillis();
            int n = report.results().size();
            assertThat(n).isEqualTo(CaseSelection.of(options).select(suite()).size());

            for (CaseResult r : report.results()) {
                assertThat(r.verdict()).as("%s against %s: %s", r.id(), behaviour, r.message())
                        .isIn(allowed(r.conformanceCase()));
                assertThat(r.durationMs()).as("%s against %s", r.id(), behaviour)
                        .isLessThanOrEqualTo(deadlineMs + SLACK_MS);
                assertThat(keptBytes(r)).as("transcript bytes of %s against %s", r.id(), behaviour)
                        .isLessThanOrEqualTo(r.transcripts().size() * Transcript.MAX_RAW_BYTES);
            }
            // Cases run PARALLEL at a time, and none may take longer than its deadline.
            long rounds = (n + PARALLEL - 1) / PARALLEL;
            assertThat(wallMs).as("wall time of %d cases against %s", n, behaviour)
                    .isLessThanOrEqualTo(rounds * (deadlineMs + SLACK_MS) + SLACK_MS);
            exactVerdicts(behaviour, byId(report));
            assertThat(usedHeapAfterGc()).as("heap after the run against %s, its report still held", behaviour)
                    .isLessThan(heapBound(n));
            System.out.printf("hostile %s: %s; heap %d MiB%n", behaviour, report.summaryLine(),
                    usedHeapAfterGc() >> 20);
        }
    }

    @Test
    void theReadPathCasesPassAgainstTheReference() {
        Properties p = new Properties();
        p.setProperty("parallel", String.valueOf(PARALLEL));
        try (ServerRun run = ServerRun.prepare(RunOptions.from(p, reports), VocabularyCases.all(1))) {
            RunReport report = run.runAll(r -> { });
            assertThat(report.results()).allSatisfy(r -> assertThat(r.verdict()).as(r.id() + ": " + r.message())
                    .isEqualTo(Verdict.PASS));
        }
    }

    /**
     * The default suite and the read-path cases; {@code -Dhostile.copies=40} repeats the latter to rehearse a grown
     * suite.
     */
    static List<ServerCase> suite() {
        List<ServerCase> all = new ArrayList<>(ServerCases.all());
        all.addAll(VocabularyCases.all(Integer.getInteger("hostile.copies", 1)));
        return all;
    }

    /** A few verdicts that do not depend on how the suite grows. */
    private static void exactVerdicts(Behaviour b, Map<String, CaseResult> byId) {
        CaseResult connect = byId.get("MMSP-3.2.5.3-01");
        // a reset can come before connect() returns: that target is unreachable
        assertThat(connect.verdict()).isIn(Verdict.FAIL, b == Behaviour.RESET ? Verdict.ERROR : Verdict.FAIL);
        String expected = switch (b) {
            case SILENT, TRICKLE -> "timeout after " + TIMEOUT.toMillis() + " ms";
            case GARBAGE, FLOOD -> "LinkMacToViewerReportConnectedEX";
            case HUGE_LENGTH -> "exceeds the bound";
            case RESET -> "";
        };
        assertThat(connect.message()).contains(expected);
        if (b == Behaviour.RESET) {
            assertThat(connect.message()).containsAnyOf("reset", "end of stream", "write failed", "unreachable");
        }
    }

    /** PASS never; WARN only where the case judges a SHOULD, which a target that does nothing right breaks. */
    private static Verdict[] allowed(ConformanceCase c) {
        return c.level() == Level.MUST ? new Verdict[] {Verdict.FAIL, Verdict.ERROR, Verdict.SKIP}
                : new Verdict[] {Verdict.WARN, Verdict.FAIL, Verdict.ERROR, Verdict.SKIP};
    }

    private RunOptions options(int port) {
        Properties p = new Properties();
        p.setProperty("target", "127.0.0.1:" + port);
        p.setProperty("timeout", TIMEOUT.toMillis() + "ms");
        p.setProperty("parallel", String.valueOf(PARALLEL));
        return RunOptions.from(p, reports);
    }

    private static Map<String, CaseResult> byId(RunReport report) {
        return report.results().stream().collect(Collectors.toMap(CaseResult::id, r -> r));
    }

    private static long keptBytes(CaseResult r) {
        long sum = 0;
        for (Recorded rec : r.transcripts()) {
            for (TranscriptEntry e : rec.transcript().entries()) {
                sum += e.raw() == null ? 0 : e.raw().length();
            }
        }
        return sum;
    }

    /** What the JVM held before the run, and a little for each result, its transcripts included. */
    private static long heapBound(int cases) {
        return (256L << 20) + cases * (1L << 20);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
