package org.mmsspec.cases;

/** Ends a case at a broken MUST; the runner turns it into a FAIL carrying the finding. */
public final class CaseFailed extends RuntimeException {

    private final transient Finding finding;

    public CaseFailed(Finding finding) {
        super(finding.toString(), null, false, false);
        this.finding = finding;
    }

    public Finding finding() {
        return finding;
    }
}
