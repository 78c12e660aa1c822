package org.mmsspec.cases;

/** Ends a case because the target does not offer what it needs; the message says what. */
public final class CaseSkipped extends RuntimeException {

    public CaseSkipped(String reason) {
        super(reason, null, false, false);
    }
}
