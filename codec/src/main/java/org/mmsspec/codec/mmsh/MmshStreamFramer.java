package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.UnitFramer;

/**
 * Cuts one HTTP response body, from the first byte after the headers, into MMSH packets (MS-WMSP 2.2.3). Packets are
 * sized by PacketLength, the first three $P by their position and Reason. A packet that is framed but cannot be
 * decoded (an unknown PacketID, a $E too short for its Reason) comes out as {@link Undecodable} and the body goes on.
 * The largest packet, 4 + 65,535 bytes, fits the default bound; a $P whose Reason asks for more loses the stream.
 */
public final class MmshStreamFramer extends UnitFramer<MmshStreamFramer.Unit> {

    /** One framed packet and its offset in the body. */
    public sealed interface Unit permits Frame, Undecodable {
        long offset();

        int length();
    }

    public record Frame(long offset, int length, Decoded<MmshPacket> decoded) implements Unit {
    }

    /** A packet framed but not decodable; {@code error.offset()} is relative to the packet. */
    public record Undecodable(long offset, int length, Bytes bytes, MalformedInputException error) implements Unit {
    }

    private int pairPackets;

    public MmshStreamFramer(DecodeOptions options) {
        super(MmshFrameCodec.FRAMING, options);
    }

    @Override
    protected int unitSize(byte[] b, int pos, int available, long at) {
        int size = MmshFrameCodec.frameSize(b, pos, available, pairPackets);
        if (size > options.maxMessageSize()) {
            throw new MalformedInputException(MmshFrameCodec.FRAMING, "PacketLength", at + 2,
                    "packet of " + size + " bytes exceeds the bound of " + options.maxMessageSize());
        }
        return size;
    }

    @Override
    protected Unit unit(byte[] b, int pos, int size, long at) {
        if (b[pos + 1] == 'P') {
            pairPackets++;
        }
        try {
            return new Frame(at, size, MmshFrameCodec.decode(b, pos, size, options));
        } catch (MalformedInputException e) {
            return new Undecodable(at, size, Bytes.view(b, pos, size), e);
        }
    }
}
