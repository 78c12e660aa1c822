package org.mmsspec.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * How a case's script ended, turned into its verdict and message the same way for cases of either role.
 *
 * @param findings every broken rule: the recorded ones, then the one that ended the script
 */
public record Conclusion(Verdict verdict, String message, List<Finding> findings) {

    public Conclusion {
        findings = List.copyOf(findings);
    }

    /**
     * @param error    why the case itself broke, or null
     * @param skipped  why the case was skipped, or null
     * @param ended    the broken MUST that ended the script, or null
     * @param recorded the findings recorded on the way (SHOULDs: a MUST ends the script)
     * @param strict   a WARN counts as a FAIL
     */
    public static Conclusion of(String error, String skipped, Finding ended, List<Finding> recorded, boolean strict) {
        if (error != null) {
            return new Conclusion(Verdict.ERROR, error, List.of());
        }
        if (skipped != null) {
            return new Conclusion(Verdict.SKIP, skipped, List.of());
        }
        List<Finding> findings = new ArrayList<>(recorded);
        if (ended != null) {
            findings.add(ended);
        }
        Verdict v = findings.stream().map(Finding::verdict).reduce(Verdict.PASS, Verdict::worst);
        String message = ended != null ? ended.toString() : findings.isEmpty() ? "" : findings.get(0).toString();
        return new Conclusion(strict && v == Verdict.WARN ? Verdict.FAIL : v, message, findings);
    }

    /** The same conclusion under another verdict and message (a case cut off at its deadline is an ERROR). */
    public Conclusion as(Verdict v, String m) {
        return new Conclusion(v, m, findings);
    }

    /** The same, with {@code notes} added to the message: facts a case reports whatever its verdict. */
    public Conclusion noting(List<String> notes) {
        if (notes.isEmpty() || verdict == Verdict.ERROR) {
            return this;
        }
        String n = String.join("; ", notes);
        return new Conclusion(verdict, message.isEmpty() ? n : message + " [" + n + "]", findings);
    }
}
