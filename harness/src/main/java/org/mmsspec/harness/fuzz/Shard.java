package org.mmsspec.harness.fuzz;

/**
 * The part of a campaign's session space one machine runs: shard K of N takes the sessions whose number is K-1 modulo
 * N. N machines with the same seed thus run one campaign without overlap, and each can run as long as it likes.
 *
 * @param index 1-based
 * @param count how many shards the campaign has
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": want K/N with 1 <= K <= N");
        }
    }

    /** "K/N", as on the command line. */
    public static Shard parse(String s) {
        String[] kn = s.trim().split("/");
        try {
            if (kn.length == 2) {
                return new Shard(Integer.parseInt(kn[0].trim()), Integer.parseInt(kn[1].trim()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("shard '" + s + "': want K/N, for example 2/8");
    }

    /** The number of this shard's i-th session (i from 0). */
    public long session(long i) {
        return i * count + index - 1;
    }

    /** Which of this shard's sessions {@code number} is, or -1 when another shard owns it. */
    public long position(long number) {
        return Math.floorMod(number, (long) count) == index - 1 ? number / count : -1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
