package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireWriter;

/**
 * The 4 bytes that open every MMSH packet (MS-WMSP 2.2.3.1.1). B and Frame share the first byte: B is its top bit,
 * Frame the low 7 bits, so a conforming byte reads 0x24 ('$') or 0xA4.
 *
 * @param B            1 when the next packet follows without a pacing delay
 * @param PacketLength for most types, the bytes after this field; $P fixes it instead (2.2.3.7)
 */
public record FramingHeader(int B, int Frame, int PacketID, int PacketLength) {

    public static final int SIZE = 4;
    public static final int FRAME = 0x24;

    public static FramingHeader of(PacketType type, int packetLength) {
        return new FramingHeader(0, FRAME, type.id(), packetLength);
    }

    /** The same header with the B flag set, as servers send packets bursting faster than real time. */
    public FramingHeader withB() {
        return new FramingHeader(1, Frame, PacketID, PacketLength);
    }

    void check(Checks c) {
        c.mustEqual("Frame", FRAME, Frame);
    }

    void write(WireWriter w) {
        w.u8(B << 7 | Frame).u8(PacketID).u16(PacketLength);
    }
}
