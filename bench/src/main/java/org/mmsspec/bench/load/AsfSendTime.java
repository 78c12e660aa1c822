package org.mmsspec.bench.load;

/**
 * The Send Time of an ASF data packet ([ASF] 5.2.2) read in place from its first bytes, without parsing its
 * payloads: the load generator reads one per $D of every session, and must cost little next to the servers it
 * measures.
 */
final class AsfSendTime {

    private static final int ERROR_CORRECTION_PRESENT = 0x80;
    private static final int ERROR_CORRECTION_LENGTH = 0x0F;

    private AsfSendTime() {
    }

    /** Send Time in milliseconds, or -1 where {@code len} bytes at {@code off} do not reach it. */
    static long of(byte[] b, int off, int len) {
        int end = off + len;
        int p = off;
        if (p >= end) {
            return -1;
        }
        if ((b[p] & ERROR_CORRECTION_PRESENT) != 0) {
            p += 1 + (b[p] & ERROR_CORRECTION_LENGTH);
        }
        if (p + 2 > end) {
            return -1;
        }
        int lengthTypes = b[p] & 0xFF;
        p += 2; // length type flags, property flags
        p += width(lengthTypes >> 5) + width(lengthTypes >> 1) + width(lengthTypes >> 3); // packet, sequence, padding
        if (p + 4 > end) {
            return -1;
        }
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (long) (b[p + 3] & 0xFF) << 24;
    }

    /** A 2-bit length type: absent, BYTE, WORD, DWORD. */
    private static int width(int type) {
        return switch (type & 3) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            default -> 4;
        };
    }
}
