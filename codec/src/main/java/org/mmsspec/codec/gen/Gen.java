package org.mmsspec.codec.gen;

import java.util.List;
import java.util.random.RandomGenerator;

import org.mmsspec.codec.Bytes;

/**
 * Seeded choices for generators: boundary values first, then anything in range. Every choice comes from the given
 * {@link RandomGenerator}, so a seed fixes the whole output.
 */
public final class Gen {

    private Gen() {
    }

    /** One of {@code values}. */
    @SafeVarargs
    public static <T> T pick(RandomGenerator r, T... values) {
        return values[r.nextInt(values.length)];
    }

    public static <T> T pick(RandomGenerator r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** A value in [lo, hi], half the time one of the boundaries lo, lo+1, hi-1, hi. */
    public static long between(RandomGenerator r, long lo, long hi) {
        if (r.nextBoolean()) {
            long[] edges = {lo, Math.min(lo + 1, hi), Math.max(hi - 1, lo), hi};
            return edges[r.nextInt(edges.length)];
        }
        return lo + (long) (r.nextDouble() * ((double) hi - lo + 1)) % (hi - lo + 1);
    }

    /** Any u32, boundaries likely. */
    public static long u32(RandomGenerator r) {
        return between(r, 0, 0xFFFFFFFFL);
    }

    /** Any u16, boundaries likely. */
    public static int u16(RandomGenerator r) {
        return (int) between(r, 0, 0xFFFF);
    }

    /** Any u8, boundaries likely. */
    public static int u8(RandomGenerator r) {
        return (int) between(r, 0, 0xFF);
    }

    /** Random bytes of a length in [0, max]. */
    public static Bytes bytes(RandomGenerator r, int max) {
        byte[] b = new byte[(int) between(r, 0, max)];
        r.nextBytes(b);
        return Bytes.copyOf(b);
    }

    /**
     * A string of at most {@code maxChars} UTF-16 code units without NUL: empty, ASCII, Latin-1, BMP, or with
     * surrogate pairs (non-BMP), at the edges of the length range.
     */
    public static String text(RandomGenerator r, int maxChars) {
        int n = (int) between(r, 0, maxChars);
        StringBuilder sb = new StringBuilder(n);
        int kind = r.nextInt(4);
        while (sb.length() < n) {
            switch (kind) {
                case 0 -> sb.append((char) between(r, 0x20, 0x7E));
                case 1 -> sb.append((char) between(r, 0x20, 0xFF));
                case 2 -> sb.append((char) pickBmp(r));
                default -> {
                    if (n - sb.length() >= 2 && r.nextBoolean()) {
                        sb.appendCodePoint((int) between(r, 0x10000, 0x10FFFF));
                    } else {
                        sb.append((char) between(r, 0x20, 0x7E));
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int pickBmp(RandomGenerator r) {
        int c = (int) between(r, 0x20, 0xFFFD);
        return c >= 0xD800 && c <= 0xDFFF ? 0x4E2D : c; // no lone surrogates
    }

    /** ASCII text of length [0, max] drawn from {@code alphabet}. */
    public static String ascii(RandomGenerator r, int max, String alphabet) {
        int n = (int) between(r, 0, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A GUID as the subscriberName grammar writes it, 8-4-4-4-12 hex digits. */
    public static String guid(RandomGenerator r) {
        return String.format("%08X-%04X-%04X-%04X-%012X", r.nextInt() & 0xFFFFFFFFL, r.nextInt(0x10000),
                r.nextInt(0x10000), r.nextInt(0x10000), r.nextLong() & 0xFFFFFFFFFFFFL);
    }
}
