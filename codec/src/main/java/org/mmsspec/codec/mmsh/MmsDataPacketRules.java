package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Section;

/**
 * The MMS data packet inside $D, $H and $M (MS-WMSP 2.2.3.1.2). Its 8 bytes are MS-MMSP's Data packet header, so it
 * is held as a {@link DataPacket}; there {@code playIncarnation} is what MS-WMSP calls Incarnation, and MS-MMSP's rules
 * on it (0x00 reserved, 0xFF for packet-pair) do not apply.
 */
final class MmsDataPacketRules {

    static final Section SECTION = Section.wmsp("2.2.3.1.2");
    static final int FIRST = 0x04;
    static final int LAST = 0x08;
    static final int ONLY = 0x0C;
    static final int MIDDLE = 0x00;

    private MmsDataPacketRules() {
    }

    /** What one packet shows alone: its size and, for $H and $M, whether its AFFlags and LocationId agree. */
    static void check(DataPacket p, PacketType type, Checks c) {
        Section own = c.section();
        c.in(SECTION);
        c.mustEqual("PacketSize", DataPacket.HEADER_SIZE + p.Payload().length(), p.PacketSize());
        if (type != PacketType.D) {
            int f = p.AFFlags();
            c.must("AFFlags", f == FIRST || f == LAST || f == ONLY || f == MIDDLE, "0x00, 0x04, 0x08 or 0x0C",
                    Checks.hex(f));
            // a first piece starts the object at LocationId 0; any other piece comes after it
            if (f == FIRST || f == ONLY) {
                c.mustEqual("LocationId", 0, p.LocationId());
            } else if (f == LAST || f == MIDDLE) {
                c.must("LocationId", p.LocationId() != 0, "1 or more (not the first piece)", "0x0");
            }
        }
        c.in(own);
    }
}
