package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireWriter;

/** $T: answers the first of two Pipeline requests; a framing header and nothing else (MS-WMSP 2.2.3.8). */
public record MmshTest(FramingHeader framing) implements MmshPacket {

    public static MmshTest of() {
        return new MmshTest(FramingHeader.of(PacketType.T, 0));
    }

    @Override
    public PacketType type() {
        return PacketType.T;
    }

    @Override
    public void check(Checks c) {
        c.mustEqual("PacketLength", 0, framing.PacketLength());
    }

    @Override
    public void writeBody(WireWriter w) {
        // nothing follows the framing header
    }
}
