package org.mmsspec.harness.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.Verdict;

/**
 * What the conformance ITs of both roles share: every case a JUnit test of its own, named by id, section and
 * description, all started at once, each test waiting for its own; the reports written when the last has ended.
 */
final class ConformanceTests {

    private ConformanceTests() {
    }

    /** One dynamic test per case of {@code run}; a failing one shows its message and then {@code detail}. */
    static Stream<DynamicTest> of(ConformanceRun run, Function<CaseResult, String> detail) {
        List<CompletableFuture<CaseResult>> results = run.start(r -> { });
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CompletableFuture<CaseResult> f = results.get(i);
            tests.add(DynamicTest.dynamicTest(run.cases().get(i).displayName(), () -> {
                CaseResult r = f.join();
                if (r.verdict() == Verdict.SKIP) {
                    abort("SKIP: " + r.message());
                }
                if (run.failsBuild(r)) {
                    fail(r.verdict() + ": " + r.message() + detail.apply(r));
                }
            }));
        }
        return tests.stream();
    }

    /** Writes the reports of a started run and closes it; nothing where it never started. */
    static void finish(ConformanceRun run) throws IOException {
        if (run == null) {
            return;
        }
        try {
            RunReport report = run.finish();
            report.write(run.reportDir(), run.pcap());
            System.out.println("mmsspec: " + report.summaryLine() + "; reports in " + run.reportDir().toAbsolutePath());
        } finally {
            run.close();
        }
    }
}
