package org.mmsspec.cases;

import java.util.List;


/**
 * What running one case gave.
 *
 * @param message     one line: the first finding, the skip reason or the error; empty for PASS
 * @param findings    every broken rule, the one that ended the case last
 * @param transcripts every connection a server case opened
 * @param evidence    what a client case saw: connection attempts, decoded messages, the client's exit
 */
public record CaseResult(ConformanceCase conformanceCase, Verdict verdict, String message, List<Finding> findings,
        long durationMs, List<Recorded> transcripts, List<Evidence> evidence) {

    public CaseResult {
        findings = List.copyOf(findings);
        transcripts = List.copyOf(transcripts);
        evidence = List.copyOf(evidence);
        message = message == null ? "" : message;
    }

    /** The result of a server case. */
    public CaseResult(ConformanceCase c, Verdict verdict, String message, List<Finding> findings, long durationMs,
            List<Recorded> transcripts) {
        this(c, verdict, message, findings, durationMs, transcripts, List.of());
    }

    public String id() {
        return conformanceCase.id();
    }
}
