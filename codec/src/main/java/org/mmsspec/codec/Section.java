package org.mmsspec.codec;

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

    @Override
    public String toString() {
        return spec + " " + number;
    }
}
