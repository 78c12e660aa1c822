package org.mmsspec.codec.mmsh;

import java.util.HashMap;
import java.util.Map;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * Encodes and decodes single MMSH packets (MS-WMSP 2.2.3). An unknown PacketID throws
 * {@link MalformedInputException}: nothing after the framing header can be read without knowing the type, and a
 * stream framer still knows the packet's length, so it reports the packet and goes on.
 */
public final class MmshFrameCodec {

    public static final Section FRAMING = Section.wmsp("2.2.3.1.1");
    /** Packet-pair packets come in threes; after that, a $P is sized by its PacketLength like any other. */
    static final int PAIR_PACKETS = 3;

    private MmshFrameCodec() {
    }

    /**
     * Decodes the packet held in {@code b[off, off + len)}: {@code len} is the packet's size, against which
     * PacketLength is judged.
     */
    public static Decoded<MmshPacket> decode(byte[] b, int off, int len, DecodeOptions options) {
        if (len > options.maxMessageSize()) {
            throw new MalformedInputException(FRAMING, "PacketLength", 2,
                    "packet of " + len + " bytes exceeds the bound of " + options.maxMessageSize());
        }
        Checks checks = new Checks(FRAMING, options.profile());
        WireReader r = new WireReader(b, off, len, 0, FRAMING, checks, options);
        int first = r.u8("Frame");
        FramingHeader framing = new FramingHeader(first >>> 7, first & 0x7F, r.u8("PacketID"), r.u16("PacketLength"));
        PacketType type = PacketType.of(framing.PacketID());
        if (type == null) {
            throw new MalformedInputException(Section.wmsp("2.2.3"), "PacketID", 1,
                    "unknown PacketID " + Checks.hex(framing.PacketID()));
        }
        r.fieldOffsets().put("B", 0);
        WireReader body = r.slice("body", r.remaining(), type.section());
        MmshPacket p = switch (type) {
            case C -> new MmshChange(framing, body.u32("Reason"));
            case E -> new MmshEnd(framing, body.u32("Reason"));
            case D -> new MmshData(framing, DataPacket.read(body));
            case H -> new MmshHeader(framing, DataPacket.read(body));
            case M -> new MmshMetadata(framing, DataPacket.read(body));
            case P -> new MmshPacketPair(framing, body.u32("Reason"), body.rest("Payload"));
            case T -> new MmshTest(framing);
        };
        Map<String, Integer> offsets = new HashMap<>(r.fieldOffsets());
        offsets.putAll(body.fieldOffsets());
        checks.withOffsets(offsets, 0);
        framing.check(checks);
        if (type != PacketType.P) {
            // $P fixes PacketLength by its position among the three instead
            checks.mustEqual("PacketLength", len - FramingHeader.SIZE, framing.PacketLength());
        }
        p.check(checks.in(type.section()));
        return new Decoded<>(p, checks.violations(), options.strict());
    }

    public static Decoded<MmshPacket> decode(byte[] b, DecodeOptions options) {
        return decode(b, 0, b.length, options);
    }

    /** The packet's bytes, fields as held. */
    public static byte[] encode(MmshPacket p) {
        // sized for the whole packet where PacketLength tells it ($D: kilobytes), so the writer neither grows nor copies
        WireWriter w = new WireWriter(FramingHeader.SIZE + Math.max(64, p.framing().PacketLength()));
        p.framing().write(w);
        p.writeBody(w);
        return w.toByteArray();
    }

    /**
     * The size of the packet at {@code b[off]} given {@code available} of its bytes, or {@code -n} while fewer than
     * {@code n} are too few to tell. {@code pairIndex} counts the $P packets already framed in this response: the
     * first three are sized by their position and Reason (2.2.3.7), every other packet by PacketLength.
     */
    public static int frameSize(byte[] b, int off, int available, int pairIndex) {
        if (available < FramingHeader.SIZE) {
            return -FramingHeader.SIZE;
        }
        int packetLength = (b[off + 2] & 0xFF) | (b[off + 3] & 0xFF) << 8;
        if (b[off + 1] != 'P' || pairIndex >= PAIR_PACKETS) {
            return FramingHeader.SIZE + packetLength;
        }
        if (available < FramingHeader.SIZE + 4) {
            return -(FramingHeader.SIZE + 4);
        }
        long reason = Integer.toUnsignedLong((b[off + 4] & 0xFF) | (b[off + 5] & 0xFF) << 8
                | (b[off + 6] & 0xFF) << 16 | (b[off + 7] & 0xFF) << 24);
        if (reason > MmshPacketPair.SHORT_LENGTH) {
            return FramingHeader.SIZE + packetLength; // no size follows from a Reason out of range; decoding flags it
        }
        return FramingHeader.SIZE + 4 + MmshPacketPair.payloadSize(pairIndex, reason);
    }
}
