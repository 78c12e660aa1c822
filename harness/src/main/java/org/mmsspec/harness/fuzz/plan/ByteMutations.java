package org.mmsspec.harness.fuzz.plan;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Damage that knows nothing of fields, for command packets and HTTP requests alike: bit flips, insertions, deletions,
 * truncations, overwritten and duplicated bytes, and junk in place of the whole unit.
 */
final class ByteMutations {

    /** The most bytes one insertion or junk unit adds. */
    static final int MAX_JUNK = 256;

    /** Damaged bytes and what was done to them. */
    record Damaged(byte[] bytes, String name) {
    }

    private ByteMutations() {
    }

    static Damaged any(SplittableRandom r, byte[] in) {
        int n = in.length;
        if (n == 0) {
            return junk(r);
        }
        switch (r.nextInt(7)) {
            case 0 -> {
                byte[] b = in.clone();
                int flips = 1 + r.nextInt(4);
                StringBuilder name = new StringBuilder("bit flip");
                for (int i = 0; i < flips; i++) {
                    int bit = r.nextInt(8 * n);
                    b[bit >> 3] ^= (byte) (1 << (bit & 7));
                    name.append(' ').append(bit);
                }
                return new Damaged(b, name.toString());
            }
            case 1 -> {
                int at = r.nextInt(n + 1);
                byte[] ins = new byte[1 + r.nextInt(16)];
                if (r.nextBoolean()) {
                    r.nextBytes(ins);
                } else {
                    Arrays.fill(ins, Draw.pick(r, (byte) 0, (byte) 0xFF, (byte) 0x80, (byte) 'A'));
                }
                return new Damaged(splice(in, at, at, ins), "insert " + ins.length + " bytes at " + at);
            }
            case 2 -> {
                int at = r.nextInt(n);
                int len = 1 + r.nextInt(Math.min(16, n - at));
                return new Damaged(splice(in, at, at + len, new byte[0]), "delete " + len + " bytes at " + at);
            }
            case 3 -> {
                int at = r.nextInt(n);
                return new Damaged(Arrays.copyOf(in, at), "truncate at " + at);
            }
            case 4 -> {
                byte[] b = in.clone();
                int at = r.nextInt(n);
                b[at] = Draw.pick(r, (byte) 0, (byte) 0xFF, (byte) 0x7F, (byte) 0x80);
                return new Damaged(b, String.format("byte %d set to 0x%02X", at, b[at] & 0xFF));
            }
            case 5 -> {
                int at = r.nextInt(n);
                int len = 1 + r.nextInt(Math.min(32, n - at));
                byte[] again = Arrays.copyOfRange(in, at, at + len);
                return new Damaged(splice(in, at + len, at + len, again), "repeat " + len + " bytes at " + at);
            }
            default -> {
                return junk(r);
            }
        }
    }

    /** Random bytes of a random length in [1, MAX_JUNK]. */
    static Damaged junk(SplittableRandom r) {
        byte[] b = new byte[1 + r.nextInt(MAX_JUNK)];
        r.nextBytes(b);
        return new Damaged(b, "junk of " + b.length + " bytes");
    }

    /** {@code in} with {@code [from, to)} replaced by {@code with}. */
    static byte[] splice(byte[] in, int from, int to, byte[] with) {
        byte[] b = new byte[in.length - (to - from) + with.length];
        System.arraycopy(in, 0, b, 0, from);
        System.arraycopy(with, 0, b, from, with.length);
        System.arraycopy(in, to, b, from + with.length, in.length - to);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] b = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, b, at, p.length);
            at += p.length;
        }
        return b;
    }
}
