package org.mmsspec.server.mmsh;

/**
 * Reads the Send Time of an ASF data packet ([ASF] 5.2.1, 5.2.2): what pacing and stream-time seeking go by. Only the
 * fields before it are walked; a packet too short or malformed for that gives -1.
 */
final class PacketSendTime {

    private PacketSendTime() {
    }

    /** The packet's Send Time in milliseconds, or -1. */
    static long of(byte[] p) {
        int pos = 0;
        if (p.length < 1) {
            return -1;
        }
        int first = p[0] & 0xFF;
        if ((first & 0x80) != 0) {
            // Error Correction Data: flags byte, then as many bytes as its low nibble says
            pos = 1 + (first & 0x0F);
        }
        if (pos + 2 > p.length) {
            return -1;
        }
        int lengthTypes = p[pos] & 0xFF;
        pos += 2; // length type flags, property flags
        pos += width(lengthTypes >> 5) + width(lengthTypes >> 1) + width(lengthTypes >> 3);
        if (pos + 4 > p.length) {
            return -1;
        }
        return (p[pos] & 0xFFL) | (p[pos + 1] & 0xFFL) << 8 | (p[pos + 2] & 0xFFL) << 16 | (p[pos + 3] & 0xFFL) << 24;
    }

    /** Bytes of a field whose 2-bit length type is the low bits of {@code code}: none, BYTE, WORD, DWORD. */
    private static int width(int code) {
        return switch (code & 3) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            default -> 4;
        };
    }
}
