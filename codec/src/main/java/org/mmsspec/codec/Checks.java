package org.mmsspec.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the violations of one decoded unit. Rules are stated against a current section; a message's
 * {@code check} runs with its own section current, and switches with {@link #in(String)} for rules stated
 * elsewhere. Where the unit was decoded, field offsets are known and go into each violation.
 */
public final class Checks {

    private final List<Violation> violations;
    private final Profile profile;
    private final String spec;
    private Section section;
    private Map<String, Integer> offsets = Map.of();
    private int base;

    public Checks(Section section, Profile profile) {
        this(new ArrayList<>(4), section, profile);
    }

    private Checks(List<Violation> sink, Section section, Profile profile) {
        this.violations = sink;
        this.section = section;
        this.profile = profile;
        this.spec = section.spec();
    }

    public Profile profile() {
        return profile;
    }

    public Section section() {
        return section;
    }

    /** The same sink, judged against another section of the same document from now on. */
    public Checks in(String number) {
        this.section = new Section(spec, number);
        return this;
    }

    /** The same sink, judged against {@code s} from now on. */
    public Checks in(Section s) {
        this.section = s;
        return this;
    }

    /** Field offsets recorded while decoding, relative to {@code base} within the unit. */
    public Checks withOffsets(Map<String, Integer> fieldOffsets, int baseOffset) {
        this.offsets = fieldOffsets;
        this.base = baseOffset;
        return this;
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public void add(Level level, String field, String expected, String actual) {
        Integer at = offsets.get(field);
        violations.add(new Violation(section, level, field, expected, actual, at == null ? -1 : base + at));
    }

    /** Adds a violation at an explicit unit offset. */
    public void addAt(int offset, Level level, String field, String expected, String actual) {
        violations.add(new Violation(section, level, field, expected, actual, offset));
    }

    public void require(Level level, String field, boolean ok, String expected, String actual) {
        if (!ok) {
            add(level, field, expected, actual);
        }
    }

    public void must(String field, boolean ok, String expected, String actual) {
        require(Level.MUST, field, ok, expected, actual);
    }

    public void should(String field, boolean ok, String expected, String actual) {
        require(Level.SHOULD, field, ok, expected, actual);
    }

    /** {@link #must} with {@code actual} shown in hex, formatted only when {@code ok} is false. */
    public void mustHex(String field, boolean ok, String expected, long actual) {
        if (!ok) {
            add(Level.MUST, field, expected, hex(actual));
        }
    }

    /** {@link #should} with {@code actual} shown in hex, formatted only when {@code ok} is false. */
    public void shouldHex(String field, boolean ok, String expected, long actual) {
        if (!ok) {
            add(Level.SHOULD, field, expected, hex(actual));
        }
    }

    // the equality checks build their strings only on failure: a decode runs dozens of them, nearly all passing

    public void mustEqual(String field, long expected, long actual) {
        if (expected != actual) {
            add(Level.MUST, field, hex(expected), hex(actual));
        }
    }

    public void shouldEqual(String field, long expected, long actual) {
        if (expected != actual) {
            add(Level.SHOULD, field, hex(expected), hex(actual));
        }
    }

    public void mustEqual(String field, double expected, double actual) {
        if (Double.compare(expected, actual) != 0) {
            add(Level.MUST, field, Double.toString(expected), Double.toString(actual));
        }
    }

    public void shouldEqual(String field, double expected, double actual) {
        if (Double.compare(expected, actual) != 0) {
            add(Level.SHOULD, field, Double.toString(expected), Double.toString(actual));
        }
    }

    /** {@code 0x%X}: how the spec writes field values. */
    public static String hex(long v) {
        return "0x" + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    }
}
