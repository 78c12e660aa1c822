package org.mmsspec.harness;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.Verdict;
import org.mmsspec.harness.conformance.ConformanceRun;
import org.mmsspec.harness.conformance.RunReport;

/** What {@code mmsspec server} and {@code mmsspec client} print while their cases run and when they end. */
final class RunOutput {

    private RunOutput() {
    }

    /** Runs every case of {@code run}, printing the headline and then each verdict as it comes. */
    static RunReport run(PrintWriter out, String command, ConformanceRun run, String graded, boolean quiet) {
        int total = run.cases().size();
        out.println(command + ": " + total + " cases against " + graded);
        out.flush();
        AtomicInteger done = new AtomicInteger();
        return run.runAll(r -> progress(out, r, done.incrementAndGet(), total, quiet));
    }

    /** One verdict line (and its message where it did not pass); with {@code quiet}, only the bad ones. */
    private static void progress(PrintWriter out, CaseResult r, int done, int total, boolean quiet) {
        boolean bad = r.verdict() != Verdict.PASS;
        if (quiet && (!bad || r.verdict() == Verdict.SKIP)) {
            return;
        }
        synchronized (out) {
            out.printf("[%3d/%d] %-5s %s%s%n", done, total, r.verdict(), r.conformanceCase().displayName(),
                    bad ? "\n          " + r.message() : "");
            out.flush();
        }
    }

    /** The summary, the coverage of the role's requirements and where the reports went. */
    static void summary(PrintWriter out, RunReport report, List<Path> reports, String more) {
        synchronized (out) {
            out.println(report.summaryLine());
            out.printf(Locale.ROOT, "coverage: %d of %d observable %s requirements have a case (%.0f%%)%n",
                    report.coverage().covered().size(),
                    report.coverage().covered().size() + report.coverage().uncovered().size(),
                    report.role(), report.coverage().ratio() * 100);
            out.println("reports: " + reports.get(0) + ", " + reports.get(1) + more);
            out.flush();
        }
    }
}
