package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The client asks for the id used in resend requests and chooses packet-pair (MS-MMSP 2.2.4.19). FFmpeg's variant
 * (0x00F0F0F0 and an extra u32) decodes as a playIncarnation violation plus non-zero padding.
 */
public record LinkViewerToMacFunnelInfo(long playIncarnation) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030018L, "LinkViewerToMacFunnelInfo", "2.2.4.19",
            LinkViewerToMacFunnelInfo::decode);

    public static final long MMS_DISABLE_PACKET_PAIR = 0xF0F0F0EFL;
    public static final long MMS_USE_PACKET_PAIR = 0xF0F0F0F0L;
    public static final long MMS_PACKET_PAIR_TCP_HIGH_ENTROPY = 0xF0F0F0F1L;
    public static final long MMS_PACKET_PAIR_UDP_HIGH_ENTROPY = 0xF0F0F901L;

    static LinkViewerToMacFunnelInfo decode(WireReader r) {
        return new LinkViewerToMacFunnelInfo(r.u32("playIncarnation"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(playIncarnation);
    }

    @Override
    public void check(Checks c) {
        c.mustHex("playIncarnation", playIncarnation == MMS_DISABLE_PACKET_PAIR || playIncarnation == MMS_USE_PACKET_PAIR
                || playIncarnation == MMS_PACKET_PAIR_TCP_HIGH_ENTROPY
                || playIncarnation == MMS_PACKET_PAIR_UDP_HIGH_ENTROPY,
                "0xF0F0F0EF, 0xF0F0F0F0, 0xF0F0F0F1 or 0xF0F0F901", playIncarnation);
    }
}
