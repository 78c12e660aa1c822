package org.mmsspec.harness.fuzz.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.mmsspec.codec.Direction;
import org.mmsspec.codec.gen.Mutation;
import org.mmsspec.codec.gen.Mutator;
import org.mmsspec.harness.fuzz.Step;

/**
 * One way to damage one reply of the mock server, applied to its bytes as the server made them. Field-aware damage
 * comes from the codec's {@link Mutator}; the rest is bytes and timing. Each damage carries its own seed, so that
 * what it does depends on the session and the reply alone, never on when the reply went out.
 *
 * @param kind  what is done
 * @param after which reply it hits, counted on the attacked connection from the session's first damaged reply (0)
 * @param seed  the randomness of this damage
 */
record Damage(Kind kind, int after, long seed) {

    enum Kind {
        /** A field-aware mutation of a command packet, Data packet or MMSH frame (the codec's Mutator). */
        FIELD,
        /** One to three bits flipped. */
        FLIP,
        /** One to eight random bytes inserted. */
        INSERT,
        /** Cut short at a random offset. */
        TRUNCATE,
        /** Written one byte per segment (MS-MMSP 3.1.5.2: a receiver reassembles whatever TCP delivers). */
        ONE_BYTE,
        /** Written a few bytes at a time with pauses. */
        SLOW,
        /** Not sent. */
        DROP,
        /** Half of it sent, then the connection closed. */
        CLOSE_MID,
        /** Followed by 16 bytes that frame as nothing. */
        GARBAGE_AFTER,
        /** Sent twice. */
        REPEAT,
        /** Held back and sent in one write with the next reply. */
        COMBINE
    }

    /** What goes out for one reply. */
    record Out(byte[] bytes, Step.Segmenting segmenting, boolean closeAfter, boolean hold, String what) {
        static Out unchanged(byte[] b) {
            return new Out(b, Step.Segmenting.WHOLE, false, false, "");
        }
    }

    /** 16 bytes that start no command packet (PacketSize 0 at offset 6) and no MMSH frame. */
    private static final byte[] GARBAGE = {0x47, 0x41, 0x52, 0x42, 0x00, 0x00, 0x00, 0x00,
            (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE};

    /** Applies this damage to {@code in}, the reply as it stands (maybe already damaged by another of the session). */
    Out apply(Out in, Reply reply) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = in.bytes();
        return switch (kind) {
            case FIELD -> field(in, reply, r);
            case FLIP -> with(in, flip(b, r), "flip");
            case INSERT -> with(in, insert(b, r), "insert");
            case TRUNCATE -> b.length < 2 ? in : with(in, Arrays.copyOf(b, r.nextInt(1, b.length)), "truncate");
            case ONE_BYTE -> new Out(b, Step.Segmenting.ONE_BYTE, in.closeAfter(), in.hold(), in.what() + " 1-byte");
            case SLOW -> new Out(b, Step.Segmenting.SLOW, in.closeAfter(), in.hold(), in.what() + " slow");
            case DROP -> new Out(new byte[0], in.segmenting(), in.closeAfter(), false, in.what() + " dropped");
            case CLOSE_MID -> new Out(Arrays.copyOf(b, b.length / 2), in.segmenting(), true, false,
                    in.what() + " half, then close");
            case GARBAGE_AFTER -> with(in, concat(b, GARBAGE), "garbage after");
            case REPEAT -> with(in, concat(b, b), "sent twice");
            case COMBINE -> new Out(b, in.segmenting(), in.closeAfter(), true, in.what() + " combined with the next");
        };
    }

    private static Out with(Out in, byte[] b, String what) {
        return new Out(b, in.segmenting(), in.closeAfter(), in.hold(), in.what() + " " + what);
    }

    private Out field(Out in, Reply reply, SplittableRandom r) {
        byte[] b = in.bytes();
        Mutator m = new Mutator(seed);
        if (Reply.isCommand(b)) {
            try {
                Mutation x = m.anyCommandPacket(b, Direction.S2C);
                return with(in, x.toArray(), x.name());
            } catch (RuntimeException e) {
                return with(in, flip(b, r), "flip"); // already damaged past what the codec lays out
            }
        }
        if (reply.name().startsWith("MMSH") && reply.name().endsWith("head")) {
            return with(in, head(b, r), "head damaged");
        }
        boolean frame = reply.name().startsWith("$");
        int skip = frame ? 4 : 0; // the MMSH framing header ahead of the Data packet header (MS-WMSP 2.2.3.1)
        if (b.length >= skip + 8) {
            Mutation x = m.anyDataPacket(Arrays.copyOfRange(b, skip, b.length));
            return with(in, concat(Arrays.copyOf(b, skip), x.toArray()), x.name());
        }
        return with(in, flip(b, r), "flip");
    }

    /** A response head broken as text: a header line dropped or emptied, the status changed, or the end cut. */
    private static byte[] head(byte[] b, SplittableRandom r) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        String[] lines = s.split("\r\n", -1);
        int line = r.nextInt(lines.length);
        switch (r.nextInt(5)) {
            case 0 -> lines[line] = "";
            case 1 -> lines[line] = lines[line].replaceAll(":.*", ": ");
            case 2 -> lines[0] = lines[0].replaceFirst(" \\d{3}", " " + r.nextInt(100, 1000));
            case 3 -> lines[line] = lines[line] + "x".repeat(r.nextInt(1, 9000));
            default -> {
                return Arrays.copyOf(b, Math.max(1, b.length - 2 - r.nextInt(3)));
            }
        }
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] flip(byte[] b, SplittableRandom r) {
        byte[] out = b.clone();
        for (int i = 1 + r.nextInt(3); i > 0 && out.length > 0; i--) {
            out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    private static byte[] insert(byte[] b, SplittableRandom r) {
        byte[] ins = new byte[1 + r.nextInt(8)];
        r.nextBytes(ins);
        int at = r.nextInt(b.length + 1);
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + (after == 0 ? "" : " @+" + after);
    }
}
