package org.mmsspec.cases.server;

import java.util.List;

import org.mmsspec.cases.Finding;
import org.mmsspec.cases.Verdict;

/**
 * What running one case gave.
 *
 * @param message     one line: the first finding, the skip reason or the error; empty for PASS
 * @param findings    every broken rule, the one that ended the case last
 * @param transcripts every connection the case opened
 */
public record CaseResult(ServerCase serverCase, Verdict verdict, String message, List<Finding> findings,
        long durationMs, List<CaseContext.Recorded> transcripts) {

    public CaseResult {
        findings = List.copyOf(findings);
        transcripts = List.copyOf(transcripts);
        message = message == null ? "" : message;
    }

    public String id() {
        return serverCase.id();
    }
}
