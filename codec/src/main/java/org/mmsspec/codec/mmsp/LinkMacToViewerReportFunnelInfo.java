package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The server's answer to FunnelInfo, assigning the client id nCubs (MS-MMSP 2.2.4.6). The fixed fields end on an
 * 8-byte boundary, so whatever follows them is the packet-pair packet: random fill that cannot be told from padding.
 */
public record LinkMacToViewerReportFunnelInfo(long hr, long playIncarnation, long transportMask,
        long nBlockFragments, long fragmentBytes, long nCubs, long failedCubs, long nDisks, long decluster,
        long cubddDatagramSize, Bytes packetPairPacket) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040015L, "LinkMacToViewerReportFunnelInfo", "2.2.4.6",
            LinkMacToViewerReportFunnelInfo::decode);

    public static final long MMS_DISABLE_PACKET_PAIR = LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR;
    public static final long MMS_USE_PACKET_PAIR = LinkViewerToMacConnect.MMS_USE_PACKET_PAIR;
    public static final long MMS_PACKET_PAIR_TCP_HIGH_ENTROPY = 0xF0F0F0F1L;
    public static final long MMS_PACKET_PAIR_UDP_HIGH_ENTROPY = 0xF0F0F901L;

    public LinkMacToViewerReportFunnelInfo {
        packetPairPacket = packetPairPacket == null ? Bytes.EMPTY : packetPairPacket;
    }

    /** The constants the spec fixes, this hr, playIncarnation, client id and packet-pair bytes. */
    public static LinkMacToViewerReportFunnelInfo of(long hr, long playIncarnation, long nCubs, Bytes packetPair) {
        return new LinkMacToViewerReportFunnelInfo(hr, playIncarnation, 8, 1, 0x10000, nCubs, 0, 1, 0, 0, packetPair);
    }

    /** Whether this playIncarnation carries a packet-pair packet in the message. */
    public static boolean carriesPacketPair(long playIncarnation) {
        return playIncarnation == MMS_USE_PACKET_PAIR || playIncarnation == MMS_PACKET_PAIR_TCP_HIGH_ENTROPY;
    }

    static LinkMacToViewerReportFunnelInfo decode(WireReader r) {
        return new LinkMacToViewerReportFunnelInfo(r.u32("hr"), r.u32("playIncarnation"), r.u32("transportMask"),
                r.u32("nBlockFragments"), r.u32("fragmentBytes"), r.u32("nCubs"), r.u32("failedCubs"),
                r.u32("nDisks"), r.u32("decluster"), r.u32("cubddDatagramSize"), r.rest("packetPairPacket"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(playIncarnation).u32(transportMask).u32(nBlockFragments).u32(fragmentBytes).u32(nCubs)
                .u32(failedCubs).u32(nDisks).u32(decluster).u32(cubddDatagramSize).bytes(packetPairPacket);
    }

    @Override
    public void check(Checks c) {
        c.mustHex("playIncarnation", playIncarnation == MMS_DISABLE_PACKET_PAIR || carriesPacketPair(playIncarnation)
                || playIncarnation == MMS_PACKET_PAIR_UDP_HIGH_ENTROPY,
                "0xF0F0F0EF, 0xF0F0F0F0, 0xF0F0F0F1 or 0xF0F0F901", playIncarnation);
        c.mustEqual("transportMask", 8, transportMask);
        c.mustEqual("nBlockFragments", 1, nBlockFragments);
        c.mustEqual("fragmentBytes", 0x10000, fragmentBytes);
        c.mustEqual("failedCubs", 0, failedCubs);
        c.mustEqual("nDisks", 1, nDisks);
        c.mustEqual("decluster", 0, decluster);
        c.mustEqual("cubddDatagramSize", 0, cubddDatagramSize);
        if (!carriesPacketPair(playIncarnation)) {
            c.must("packetPairPacket", packetPairPacket.length() == 0,
                    "absent unless playIncarnation is 0xF0F0F0F0 or 0xF0F0F0F1",
                    packetPairPacket.length() + " bytes");
        }
    }
}
