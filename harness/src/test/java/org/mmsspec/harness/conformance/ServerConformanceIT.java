package org.mmsspec.harness.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.server.ServerCase;

/**
 * The server conformance run as {@code mvn verify} makes it: every selected case is a JUnit test of its own, named
 * by id, section and description, against {@code -Dtarget} or the embedded reference. All cases start at once
 * ({@code -Dparallel} at a time); each test waits for its own. The reports are written when the last has ended.
 */
@DisabledIfSystemProperty(named = "client", matches = ".*", disabledReason = "-Dclient grades a client")
class ServerConformanceIT {

    private static ServerRun run;

    @TestFactory
    Stream<DynamicTest> serverCases() {
        RunOptions options = RunOptions.from(System.getProperties(), RunOptions.DEFAULT_REPORT_DIR);
        run = ServerRun.prepare(options);
        List<CompletableFuture<CaseResult>> results = run.start(r -> { });
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ServerCase c = run.cases().get(i);
            CompletableFuture<CaseResult> f = results.get(i);
            tests.add(DynamicTest.dynamicTest(c.displayName(), () -> judge(f.join())));
        }
        return tests.stream();
    }

    private static void judge(CaseResult r) {
        if (r.verdict() == Verdict.SKIP) {
            abort("SKIP: " + r.message());
        }
        if (run.failsBuild(r)) {
            fail(r.verdict() + ": " + r.message() + transcriptTail(r));
        }
    }

    private static String transcriptTail(CaseResult r) {
        StringBuilder b = new StringBuilder();
        r.transcripts().forEach(t -> b.append("\n--- ").append(t.label()).append('\n').append(t.transcript()));
        return b.toString();
    }

    @AfterAll
    static void writeReports() throws IOException {
        if (run == null) {
            return;
        }
        try {
            RunReport report = run.finish();
            Path dir = run.options().reportDir();
            report.write(dir, run.options().pcap());
            System.out.println("mmsspec: " + report.summaryLine() + "; reports in " + dir.toAbsolutePath());
        } finally {
            run.close();
        }
    }
}
