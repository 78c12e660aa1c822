package org.mmsspec.cases.server.mmsp;

import java.util.LinkedHashSet;
import java.util.Set;

import org.mmsspec.codec.Bytes;

/**
 * What a case needs from the ASF data packet a Data packet carries: its Send Time and the stream numbers of its
 * payloads, read from the payload parsing information (ASF 5.2). Seeking and stream selection are judged by these.
 *
 * @param sendTime ms, Send Time of the packet
 * @param streams  stream numbers of the payloads, key-frame bit cleared
 */
record AsfPacketInfo(long sendTime, Set<Integer> streams) {

    /** Reads {@code packet}; throws {@link IllegalArgumentException} where it does not parse as an ASF data packet. */
    static AsfPacketInfo of(Bytes packet) {
        byte[] b = packet.toArray();
        Reader r = new Reader(b);
        int flags = r.u8();
        if ((flags & 0x80) != 0) { // error correction data first; the length type flags follow it
            r.skip(flags & 0x0F);
            flags = r.u8();
        }
        int property = r.u8();
        r.sized(flags >> 5); // packet length
        r.sized(flags >> 1); // sequence
        r.sized(flags >> 3); // padding length
        long sendTime = r.sized(3);
        r.skip(2); // duration
        boolean multiple = (flags & 1) != 0;
        int count = 1;
        int lengthType = 0;
        if (multiple) {
            int p = r.u8();
            count = p & 0x3F;
            lengthType = p >> 6;
        }
        Set<Integer> streams = new LinkedHashSet<>();
        for (int i = 0; i < count && r.at < b.length; i++) {
            streams.add(r.u8() & 0x7F);
            r.sized(property >> 4); // media object number
            r.sized(property >> 2); // offset into media object, or presentation time when compressed
            int replicated = (int) r.sized(property);
            r.skip(replicated);
            if (!multiple) {
                break;
            }
            r.skip((int) r.sized(lengthType));
        }
        return new AsfPacketInfo(sendTime, streams);
    }

    private static final class Reader {
        private final byte[] b;
        private int at;

        Reader(byte[] b) {
            this.b = b;
        }

        int u8() {
            if (at >= b.length) {
                throw new IllegalArgumentException("ASF data packet ends at byte " + at);
            }
            return b[at++] & 0xFF;
        }

        void skip(int n) {
            at += n;
            if (at > b.length) {
                throw new IllegalArgumentException("ASF data packet ends before byte " + at);
            }
        }

        /** A field of the size a 2-bit length type gives: none, BYTE, WORD, DWORD. */
        long sized(int type) {
            int n = switch (type & 3) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 2;
                default -> 4;
            };
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= (long) u8() << (8 * i);
            }
            return v;
        }
    }
}
