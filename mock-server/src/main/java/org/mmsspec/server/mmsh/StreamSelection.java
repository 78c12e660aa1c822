package org.mmsspec.server.mmsh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The streams a Play request selects, from its stream-switch-entry token (MS-WMSP 2.2.1.4.27): entries
 * {@code src:dst:thin} separated by spaces. The grammar says the numbers are hex, but FFmpeg, VLC and libmms write
 * them in decimal; the two agree below 10, so {@link Radix} records what the request showed.
 *
 * @param entries the entries as read, numbers in the radix decided
 * @param radix   how the stream numbers were read
 * @param all     every stream is selected (an NSServer 5.0 or older that sent no entry, 3.2.5.6)
 * @param selected the stream numbers selected: each destination not removed by thinning 2; worked out once, as the
 *                 entries are read, because a paced session asks for it with every packet it sends
 */
public record StreamSelection(List<Entry> entries, Radix radix, boolean all, Set<Integer> selected) {

    /** {@code source} is {@link #NO_SOURCE} when no stream is switched from. */
    public record Entry(int source, int destination, int thinning) {
        public static final int NO_SOURCE = 0xFFFF;
    }

    public enum Radix {
        /** A number had a hex digit a-f, or only the hex reading names streams of the file. */
        HEX,
        /** Only the decimal reading names streams of the file. */
        DECIMAL,
        /** Every number is below 10, or both readings fit the file equally: read as hex, the grammar's radix. */
        AMBIGUOUS,
        /** No stream-switch-entry token. */
        NONE
    }

    /** Thinning level 2 removes the stream (2.2.1.4.27). */
    static final int THINNING_REMOVE = 2;
    static final int MAX_ENTRIES = 128;

    public static final StreamSelection NONE = new StreamSelection(List.of(), Radix.NONE, false);
    public static final StreamSelection ALL = new StreamSelection(List.of(), Radix.NONE, true);

    public StreamSelection {
        entries = List.copyOf(entries);
        selected = Collections.unmodifiableSet(new LinkedHashSet<>(selected));
    }

    public StreamSelection(List<Entry> entries, Radix radix, boolean all) {
        this(entries, radix, all, selectedOf(entries));
    }

    /**
     * Reads the token's value against the streams of the file, which decide a radix the digits leave open.
     *
     * @return empty where the value breaks the grammar in a way neither radix can read
     */
    public static Optional<StreamSelection> parse(String value, Set<Integer> fileStreams) {
        List<String[]> raw = new ArrayList<>();
        for (String part : value.strip().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] f = part.split(":", -1);
            if (f.length != 3 || raw.size() >= MAX_ENTRIES || !f[2].matches("[0-2]")
                    || !f[0].matches("[0-9A-Fa-f]{1,4}") || !f[1].matches("[0-9A-Fa-f]{1,5}")) {
                return Optional.empty();
            }
            raw.add(f);
        }
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        boolean hexDigits = false;
        boolean ambiguous = true;
        for (String[] f : raw) {
            // "ffff" is the grammar's "no source", which decimal writers send too: it tells nothing
            for (String n : f[0].equalsIgnoreCase("ffff") ? new String[] {f[1]} : new String[] {f[0], f[1]}) {
                hexDigits |= n.chars().anyMatch(c -> Character.digit(c, 10) < 0);
                ambiguous &= Integer.parseInt(n, 16) < 10;
            }
        }
        Radix radix;
        if (hexDigits) {
            radix = Radix.HEX;
        } else if (ambiguous) {
            radix = Radix.AMBIGUOUS;
        } else {
            boolean hexFits = fits(raw, 16, fileStreams);
            boolean decFits = fits(raw, 10, fileStreams);
            radix = hexFits == decFits ? Radix.AMBIGUOUS : decFits ? Radix.DECIMAL : Radix.HEX;
        }
        int base = radix == Radix.DECIMAL ? 10 : 16;
        List<Entry> entries = new ArrayList<>();
        for (String[] f : raw) {
            int src = f[0].equalsIgnoreCase("ffff") ? Entry.NO_SOURCE : Integer.parseInt(f[0], base);
            int dst = Integer.parseInt(f[1], base);
            if (dst > 0xFFFF) {
                return Optional.empty();
            }
            entries.add(new Entry(src, dst, Integer.parseInt(f[2])));
        }
        return Optional.of(new StreamSelection(entries, radix, false));
    }

    private static boolean fits(List<String[]> raw, int base, Set<Integer> fileStreams) {
        return raw.stream().allMatch(f -> fileStreams.contains(Integer.parseInt(f[1], base)));
    }

    private static Set<Integer> selectedOf(List<Entry> entries) {
        Set<Integer> s = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.thinning() != THINNING_REMOVE) {
                s.add(e.destination());
            }
        }
        return s;
    }

    /** Whether {@code stream} plays: every stream where {@link #all}, else the selected ones. */
    public boolean plays(int stream) {
        return all || selected().contains(stream);
    }

    public boolean isEmpty() {
        return !all && selected().isEmpty();
    }

    /** For the request's event line. */
    public String describe() {
        if (all) {
            return "streams: all (NSServer <= 5.0 without stream-switch-entry)";
        }
        if (radix == Radix.NONE) {
            return "streams: none (no stream-switch-entry)";
        }
        return "streams: " + selected() + ", stream numbers: " + radix.name().toLowerCase(java.util.Locale.ROOT);
    }
}
