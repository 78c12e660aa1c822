package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.WireWriter;

/** $H: a piece of the ASF header (MS-WMSP 2.2.3.5). */
public record MmshHeader(FramingHeader framing, DataPacket packet) implements MmshPacket {

    /** A packet whose PacketLength is its MMS data packet's true size. */
    public static MmshHeader of(DataPacket packet) {
        return new MmshHeader(FramingHeader.of(PacketType.H, DataPacket.HEADER_SIZE + packet.Payload().length()),
                packet);
    }

    @Override
    public PacketType type() {
        return PacketType.H;
    }

    @Override
    public void check(Checks c) {
        MmsDataPacketRules.check(packet, type(), c);
    }

    @Override
    public void writeBody(WireWriter w) {
        packet.write(w);
    }
}
