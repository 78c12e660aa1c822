package org.mmsspec.cases.server.wmsp;

import java.util.Arrays;

import org.mmsspec.codec.Bytes;

/**
 * The few ASF facts the $H and $D cases read ([ASF] 3.1, 3.2, 5.1, 5.2): where the Header Object ends, the packet
 * size of the File Properties Object, and the Padding Length of a data packet.
 */
public final class Asf {

    static final byte[] HEADER_OBJECT = guid("3026B2758E66CF11A6D900AA0062CE6C");
    static final byte[] DATA_OBJECT = guid("3626B2758E66CF11A6D900AA0062CE6C");
    static final byte[] FILE_PROPERTIES = guid("A1DCAB8C47A9CF118EE400C00C205365");
    /** The Data Object's fixed start: GUID, size, File ID, Total Data Packets, Reserved. */
    static final int DATA_OBJECT_START = 50;
    /** Offset of Maximum Data Packet Size in the File Properties Object. */
    private static final int MAX_PACKET_SIZE = 96;
    /** Offsets of Play Duration (100 ns units) and Preroll (ms) in the File Properties Object. */
    private static final int PLAY_DURATION = 64;
    private static final int PREROLL = 80;

    private Asf() {
    }

    static boolean startsWith(byte[] b, int at, byte[] guid) {
        return at >= 0 && at + guid.length <= b.length
                && Arrays.equals(b, at, at + guid.length, guid, 0, guid.length);
    }

    /** The Header Object's size field, or -1 where {@code h} does not open with one. */
    static long headerObjectSize(byte[] h) {
        return startsWith(h, 0, HEADER_OBJECT) && h.length >= 24 ? le(h, 16, 8) : -1;
    }

    /** The File Properties Object's Maximum Data Packet Size, or -1 where the header has none. */
    static long maxPacketSize(byte[] h) {
        int at = find(h, FILE_PROPERTIES);
        return at < 0 ? -1 : le(h, at + MAX_PACKET_SIZE, 4);
    }

    /** Where the File Properties Object starts in the header, whole, or -1. */
    private static int find(byte[] h, byte[] guid) {
        for (int i = 30; i + MAX_PACKET_SIZE + 4 <= h.length; i++) {
            if (startsWith(h, i, guid)) {
                return i;
            }
        }
        return -1;
    }

    /** Play Duration less Preroll of the File Properties Object, in ms, or -1 where the header has none. */
    static long playMillis(byte[] h) {
        int at = find(h, FILE_PROPERTIES);
        return at < 0 ? -1 : le(h, at + PLAY_DURATION, 8) / 10_000 - le(h, at + PREROLL, 8);
    }

    /**
     * The Padding Length of an ASF data packet (its payload parsing information, [ASF] 5.2.2), or -1 where the bytes
     * do not parse as one.
     */
    static long paddingLength(byte[] p) {
        int[] f = paddingField(p, 0);
        return f == null ? -1 : le(p, f[0], f[1]);
    }

    /**
     * Where the Padding Length field of the ASF data packet at {@code b[at]} lies: its offset and size (0 to 4 bytes),
     * or null where the bytes do not parse as a packet. Public for the mutants that break padding.
     */
    public static int[] paddingField(byte[] b, int at) {
        int i = at;
        if (b.length > at && (b[at] & 0x80) != 0) {
            i += 1 + (b[at] & 0x0F); // error correction data comes first
        }
        if (i + 2 > b.length) {
            return null;
        }
        int flags = b[i] & 0xFF;
        i += 2; // length type flags, property flags
        i += size(flags >> 5) + size(flags >> 1);
        int padding = size(flags >> 3);
        return i + padding > b.length ? null : new int[] {i, padding};
    }

    /** The size of a field whose 2-bit length type is the low bits of {@code type}: 0, 1, 2 or 4 bytes. */
    private static int size(int type) {
        return switch (type & 3) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 4;
            default -> 0;
        };
    }

    static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = v << 8 | (b[at + k] & 0xFF);
        }
        return v;
    }

    private static byte[] guid(String hex) {
        return Bytes.ofHex(hex).toArray();
    }
}
