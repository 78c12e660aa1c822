package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.WireWriter;

/** $D: one ASF data packet, as the server streams it (MS-WMSP 2.2.3.3). Its AFFlags count $D packets, so only the stream can judge them. */
public record MmshData(FramingHeader framing, DataPacket packet) implements MmshPacket {

    /** A packet whose PacketLength is its MMS data packet's true size. */
    public static MmshData of(DataPacket packet) {
        return new MmshData(FramingHeader.of(PacketType.D, DataPacket.HEADER_SIZE + packet.Payload().length()),
                packet);
    }

    @Override
    public PacketType type() {
        return PacketType.D;
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
