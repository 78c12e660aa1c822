package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.RunSettings;

/**
 * A finished run: every case's result, what the baseline already knew, and the coverage of the requirements index.
 *
 * @param role     which role was graded: {@link #SERVER} or {@link #CLIENT}
 * @param target   what was graded: the server ({@code host:port}, {@code reference}) or the client's command
 *                 ({@link org.mmsspec.cases.client.ClientLauncher#describe()})
 * @param baseline verdicts of an earlier run by case id; empty where none was given
 * @param wallMs   wall time of the whole run
 */
public record RunReport(String role, String target, RunSettings settings, List<CaseResult> results, Map<String, Verdict> baseline,
        Coverage coverage, long wallMs) {

    public static final String SERVER = "server";
    public static final String CLIENT = "client";

    public RunReport {
        if (!role.equals(SERVER) && !role.equals(CLIENT)) {
            throw new IllegalArgumentException("role is server or client: " + role);
        }
        results = List.copyOf(results);
        baseline = Map.copyOf(baseline);
    }

    /** Each case's verdict by id, sorted: what a baseline holds. */
    public Map<String, Verdict> verdicts() {
        Map<String, Verdict> m = new java.util.TreeMap<>();
        results.forEach(r -> m.put(r.id(), r.verdict()));
        return m;
    }

    public Map<Verdict, Integer> summary() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        results.forEach(r -> m.merge(r.verdict(), 1, Integer::sum));
        return m;
    }

    /** Whether the baseline holds this very verdict for the case, so that it does not fail the build. */
    public boolean known(CaseResult r) {
        return r.verdict() == baseline.get(r.id());
    }

    /** Whether this result fails the build: a FAIL or ERROR (or a WARN when strict) the baseline does not hold. */
    public boolean failsBuild(CaseResult r) {
        return failsBuild(r, baseline, settings.strict());
    }

    /** The same judgement while a run is still going, before its report exists. */
    static boolean failsBuild(CaseResult r, Map<String, Verdict> baseline, boolean strict) {
        return r.verdict().failsBuild(strict) && r.verdict() != baseline.get(r.id());
    }

    public List<CaseResult> failing() {
        return results.stream().filter(this::failsBuild).toList();
    }

    /** Writes report.json, report.html and, where asked for, a pcap per case into {@code dir}; returns the reports. */
    public List<Path> write(Path dir, boolean pcap) throws IOException {
        List<Path> files = List.of(ReportJson.write(this, dir), ReportHtml.write(this, dir));
        if (pcap) {
            CasePcaps.write(this, dir);
        }
        return files;
    }

    /** One line: the counts and the wall time. */
    public String summaryLine() {
        Map<Verdict, Integer> s = summary();
        return String.format("%d cases: %d pass, %d fail, %d warn, %d skip, %d error in %.2f s%s", results.size(),
                s.get(Verdict.PASS), s.get(Verdict.FAIL), s.get(Verdict.WARN), s.get(Verdict.SKIP),
                s.get(Verdict.ERROR), wallMs / 1000.0,
                baseline.isEmpty() ? "" : "; " + failing().size() + " not in the baseline fail the build");
    }
}
