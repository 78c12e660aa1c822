package org.mmsspec.cases;

import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.Violation;

/**
 * One broken rule a case found: where the spec states it, how strongly, and what was expected against what came.
 *
 * @param expected what the rule asks for, or null where the message says it all
 * @param actual   what the peer did, or null likewise
 */
public record Finding(Section section, Level level, String message, String expected, String actual) {

    /** A violation the codec found in a received unit. */
    public static Finding of(Violation v) {
        return new Finding(v.section(), v.level(), v.field() + (v.offset() >= 0 ? " at offset " + v.offset() : ""),
                v.expected(), v.actual());
    }

    /** The verdict this finding gives on its own: FAIL for a MUST, WARN for anything weaker. */
    public Verdict verdict() {
        return level == Level.MUST ? Verdict.FAIL : Verdict.WARN;
    }

    @Override
    public String toString() {
        return section + " " + level + ": " + message
                + (expected != null ? "; expected " + expected + ", actual " + actual : "");
    }
}
