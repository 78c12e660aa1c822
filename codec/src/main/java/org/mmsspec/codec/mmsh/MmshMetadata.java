package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.WireWriter;

/** $M: a piece of the metadata of the current playlist entry (MS-WMSP 2.2.3.6). */
public record MmshMetadata(FramingHeader framing, DataPacket packet) implements MmshPacket {

    /** A packet whose PacketLength is its MMS data packet's true size. */
    public static MmshMetadata of(DataPacket packet) {
        return new MmshMetadata(FramingHeader.of(PacketType.M, DataPacket.HEADER_SIZE + packet.Payload().length()),
                packet);
    }

    @Override
    public PacketType type() {
        return PacketType.M;
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
