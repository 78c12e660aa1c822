package org.mmsspec.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.Violation;

/**
 * The verification vocabulary every case speaks, whichever peer it judges: a broken MUST ends the case, a broken
 * SHOULD is recorded and the case goes on. Rules are judged against the case's own section unless one is named.
 */
public abstract class Verification {

    private final ConformanceCase conformanceCase;
    private final List<Finding> findings = new ArrayList<>();

    protected Verification(ConformanceCase conformanceCase) {
        this.conformanceCase = Objects.requireNonNull(conformanceCase);
    }

    public ConformanceCase conformanceCase() {
        return conformanceCase;
    }

    /** A broken MUST of the case's section: ends the case. */
    public void must(boolean ok, String message) {
        check(conformanceCase.section(), Level.MUST, ok, message, null, null);
    }

    public void mustEqual(String what, Object expected, Object actual) {
        check(conformanceCase.section(), Level.MUST, same(expected, actual), what, show(expected), show(actual));
    }

    /** A broken SHOULD of the case's section: recorded, the case goes on. */
    public void should(boolean ok, String message) {
        check(conformanceCase.section(), Level.SHOULD, ok, message, null, null);
    }

    public void shouldEqual(String what, Object expected, Object actual) {
        check(conformanceCase.section(), Level.SHOULD, same(expected, actual), what, show(expected), show(actual));
    }

    /** A rule of the case's own section at the case's own level. */
    public void expect(boolean ok, String message) {
        check(conformanceCase.section(), conformanceCase.level(), ok, message, null, null);
    }

    /** {@link #expect} of equality. */
    public void expectEqual(String what, Object expected, Object actual) {
        check(conformanceCase.section(), conformanceCase.level(), same(expected, actual), what, show(expected),
                show(actual));
    }

    /**
     * Judges one rule of any section at any level: a broken MUST ends the case, anything weaker is recorded. MAY rules
     * are never broken, so a false {@code ok} at MAY is a mistake in the case.
     */
    public void check(Section section, Level level, boolean ok, String message, String expected, String actual) {
        if (ok) {
            return;
        }
        if (level == Level.MAY) {
            throw new IllegalArgumentException("a MAY cannot be broken: " + message);
        }
        Finding f = new Finding(section, level, message, expected, actual);
        if (level == Level.MUST) {
            throw new CaseFailed(f);
        }
        synchronized (this) {
            findings.add(f);
        }
    }

    /** Records what the codec found wrong in what the peer sent (MUST ones end the case after all are recorded). */
    public void judge(List<Violation> violations) {
        Finding must = null;
        synchronized (this) {
            for (Violation v : violations) {
                Finding f = Finding.of(v);
                if (v.level() == Level.MUST && must == null) {
                    must = f;
                } else if (v.level() != Level.MAY) {
                    findings.add(f);
                }
            }
        }
        if (must != null) {
            throw new CaseFailed(must);
        }
    }

    /** Ends the case as SKIP. */
    public CaseSkipped skip(String reason) {
        throw new CaseSkipped(reason);
    }

    /** Findings recorded without ending the case (SHOULDs), in order. */
    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a
                && !(e instanceof Double) && !(a instanceof Double)) {
            return e.longValue() == a.longValue();
        }
        return Objects.equals(expected, actual);
    }

    /** A value as findings show it: numbers above 9 in hex as well. */
    public static String show(Object v) {
        if (v instanceof Number n && !(v instanceof Double) && n.longValue() > 9) {
            return n + String.format(" (0x%X)", n.longValue());
        }
        return String.valueOf(v);
    }
}
