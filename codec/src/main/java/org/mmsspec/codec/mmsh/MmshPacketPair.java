package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireWriter;

/**
 * $P: one of the three packet-pair packets that open a Describe response (MS-WMSP 2.2.3.7). Here PacketLength is fixed
 * (504, 504, 1048) while the payload sizes shift by Reason, the bytes of HTTP response header before the first $P
 * (at most 504): 504 - Reason, 504, 1048 + Reason. So the three together always make 2080 bytes after the headers.
 */
public record MmshPacketPair(FramingHeader framing, long Reason, Bytes Payload) implements MmshPacket {

    public static final int SHORT_LENGTH = 504;
    public static final int LONG_LENGTH = 1048;

    /**
     * The {@code index}-th (0, 1, 2) packet of the three, for a response whose header before the first $P is
     * {@code headerBytes} long; {@code fill} supplies the random payload and must be long enough.
     */
    public static MmshPacketPair of(int index, int headerBytes, byte[] fill) {
        int reason = Math.min(SHORT_LENGTH, headerBytes);
        int size = payloadSize(index, reason);
        return new MmshPacketPair(FramingHeader.of(PacketType.P, index == 2 ? LONG_LENGTH : SHORT_LENGTH), reason,
                Bytes.copyOf(java.util.Arrays.copyOf(fill, size)));
    }

    /** The payload size of the {@code index}-th $P with this Reason. */
    public static int payloadSize(int index, long reason) {
        return switch (index) {
            case 0 -> (int) (SHORT_LENGTH - reason);
            case 1 -> SHORT_LENGTH;
            default -> (int) (LONG_LENGTH + reason);
        };
    }

    @Override
    public PacketType type() {
        return PacketType.P;
    }

    /** Alone a $P cannot say whether it is the first or the second, so a 504 packet may have either size. */
    @Override
    public void check(Checks c) {
        int length = framing.PacketLength();
        c.must("PacketLength", length == SHORT_LENGTH || length == LONG_LENGTH, "504 or 1048",
                Integer.toString(length));
        c.must("Reason", Reason <= SHORT_LENGTH, "at most 504", Long.toString(Reason));
        int n = Payload.length();
        if (Reason <= SHORT_LENGTH && length == SHORT_LENGTH) {
            c.must("Payload", n == payloadSize(0, Reason) || n == payloadSize(1, Reason),
                    payloadSize(0, Reason) + " or 504 bytes", n + " bytes");
        } else if (Reason <= SHORT_LENGTH && length == LONG_LENGTH) {
            c.must("Payload", n == payloadSize(2, Reason), payloadSize(2, Reason) + " bytes", n + " bytes");
        }
    }

    @Override
    public void writeBody(WireWriter w) {
        w.u32(Reason).bytes(Payload);
    }
}
