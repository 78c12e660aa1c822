package org.mmsspec.codec;

import java.util.Comparator;
import java.util.Objects;

/**
 * A numbered section of one of the specifications, such as {@code MS-MMSP 2.2.4.17}.
 *
 * @param spec   the document, {@code MS-MMSP} or {@code MS-WMSP}
 * @param number the section number, such as {@code 2.2.4.17}
 */
public record Section(String spec, String number) {

    public static final String MMSP = "MS-MMSP";
    public static final String WMSP = "MS-WMSP";

    /** The order of the documents: by spec, then 2.2.4.9 before 2.2.4.10 (numbers compared part by part). */
    public static final Comparator<Section> DOCUMENT_ORDER = Comparator.comparing(Section::spec)
            .thenComparing(Section::number, Section::compareNumbers);

    public Section {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(number, "number");
    }

    public static Section mmsp(String number) {
        return new Section(MMSP, number);
    }

    public static Section wmsp(String number) {
        return new Section(WMSP, number);
    }

    /** Parses the form {@link #toString()} prints, {@code "MS-MMSP 2.2.3"}. */
    public static Section parse(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a section: " + text);
        }
        return new Section(t.substring(0, space), t.substring(space + 1).strip());
    }

    /** Compares dotted section numbers part by part, numerically, without allocating: it runs inside sorts. */
    static int compareNumbers(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = 0;
            while (i < a.length() && a.charAt(i) != '.') {
                x = x * 10 + (a.charAt(i++) - '0');
            }
            int y = 0;
            while (j < b.length() && b.charAt(j) != '.') {
                y = y * 10 + (b.charAt(j++) - '0');
            }
            if (x != y) {
                return Integer.compare(x, y);
            }
            i++;
            j++;
        }
        // equal so far: the shorter (the parent section) comes first
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public String toString() {
        return spec + " " + number;
    }
}
