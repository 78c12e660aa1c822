package org.mmsspec.harness.mutation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.server.ServerCase;

/**
 * What the suite made of each mutant. A case kills a mutant when its verdict is FAIL or WARN with a finding of the
 * mutant's section: a case that fails for another reason (a broken seal upsets every case) proves nothing about it.
 *
 * @param cases   every case the runs ran
 * @param results each mutant's results, in the order of the lists
 */
record KillReport(List<ServerCase> cases, Map<Mutant, List<CaseResult>> results) {

    KillReport {
        cases = List.copyOf(cases);
        results = new LinkedHashMap<>(results);
    }

    /** The ids of the cases that killed {@code m}. */
    List<String> killers(Mutant m) {
        return results.get(m).stream().filter(r -> kills(r, m)).map(CaseResult::id).sorted().toList();
    }

    static boolean kills(CaseResult r, Mutant m) {
        return (r.verdict() == Verdict.FAIL || r.verdict() == Verdict.WARN)
                && r.findings().stream().anyMatch(f -> f.section().equals(m.breaks()));
    }

    List<Mutant> alive() {
        return results.keySet().stream().filter(m -> killers(m).isEmpty()).toList();
    }

    /** Cases that kill no mutant: no fault yet proves that they can fail. */
    List<String> idle() {
        Set<String> killing = new TreeSet<>();
        results.keySet().forEach(m -> killing.addAll(killers(m)));
        return cases.stream().map(ServerCase::id).filter(id -> !killing.contains(id)).toList();
    }

    String ratio() {
        int n = results.size();
        int killed = n - alive().size();
        return String.format("%d of %d mutants killed (%d%%)", killed, n, n == 0 ? 0 : killed * 100 / n);
    }

    /** Every mutant with its killers, or for a survivor why: no case of its section, or none that noticed. */
    String text() {
        List<String> lines = new ArrayList<>();
        lines.add("mutation: " + ratio() + " by " + cases.size() + " cases");
        for (Mutant m : results.keySet()) {
            List<String> by = killers(m);
            if (!by.isEmpty()) {
                lines.add("  killed  " + m + " by " + String.join(", ", by));
                continue;
            }
            long ofSection = cases.stream().filter(c -> c.section().equals(m.breaks())).count();
            long failed = results.get(m).stream()
                    .filter(r -> r.verdict() == Verdict.FAIL || r.verdict() == Verdict.WARN).count();
            lines.add("  ALIVE   " + m + ": " + m.rule() + " (" + (ofSection == 0 ? "no case of that section yet"
                    : ofSection + " cases of that section passed") + "; " + failed + " cases failed elsewhere)");
        }
        List<String> idle = idle();
        lines.add("cases that kill no mutant (" + idle.size() + "): " + String.join(", ", idle));
        return String.join(System.lineSeparator(), lines);
    }
}
