package org.mmsspec.codec.mmsp;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.FieldSpan;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * Encodes and decodes command packets (MS-MMSP 2.2.3 and 2.2.4). Decoding judges the header, every message's
 * framing (chunkLen, MID, direction, padding) and every message's field rules.
 */
public final class CommandPacketCodec {

    static final Section HEADER = Section.mmsp("2.2.3");
    static final Section MESSAGES = Section.mmsp("2.2.4");
    /** chunkLen and MID. */
    static final int MESSAGE_PREFIX = 8;

    private CommandPacketCodec() {
    }

    /** Decodes one whole command packet held in {@code b[off, off + len)}. */
    public static Decoded<CommandPacket> decode(byte[] b, int off, int len, Direction direction,
            DecodeOptions options) {
        return decode(b, off, len, direction, options, null, null);
    }

    /**
     * Where each field of {@code packet} lies, as a lenient decode finds them; throws
     * {@link MalformedInputException} where the packet cannot be decoded at all.
     */
    public static Layout layout(byte[] packet, Direction direction) {
        List<FieldSpan> spans = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Decoded<CommandPacket> d = decode(packet, 0, packet.length, direction, DecodeOptions.LENIENT, spans, starts);
        return Layout.of(spans, starts, d.value().messages());
    }

    /** With {@code spans} non-null, records every field's span and the span index where each message begins. */
    private static Decoded<CommandPacket> decode(byte[] b, int off, int len, Direction direction,
            DecodeOptions options, List<FieldSpan> spans, List<Integer> starts) {
        if (len > options.maxMessageSize()) {
            throw new MalformedInputException(HEADER, "messageLength", 8,
                    "packet of " + len + " bytes exceeds the bound of " + options.maxMessageSize());
        }
        if (len < TcpMessageHeader.SIZE) {
            throw new MalformedInputException(HEADER, "TcpMessageHeader", len,
                    "a command packet needs 32 header bytes, got " + len);
        }
        Checks checks = new Checks(HEADER, options.profile());
        WireReader r = new WireReader(b, off, len, 0, HEADER, checks, options).recordSpans(spans);
        TcpMessageHeader header = TcpMessageHeader.read(r);
        checks.withOffsets(r.fieldOffsets(), 0);
        header.check(checks, len);
        int area = len - TcpMessageHeader.SIZE;
        if ((area & 7) != 0) {
            checks.in(HEADER).addAt(TcpMessageHeader.SIZE, Level.MUST, "MMS message", "a multiple of 8 bytes",
                    area + " bytes");
        }
        List<MmsMessage> messages = new ArrayList<>(1);
        while (r.remaining() >= MESSAGE_PREFIX) {
            if (starts != null) {
                starts.add(spans.size());
            }
            messages.add(decodeMessage(r, direction, checks, options));
        }
        if (r.remaining() > 0) {
            r.rest("MMS message"); // a 1..7-byte tail, already judged above as a size that is not a multiple of 8
        }
        return new Decoded<>(new CommandPacket(header, messages), checks.violations(), options.strict());
    }

    public static Decoded<CommandPacket> decode(byte[] packet, Direction direction, DecodeOptions options) {
        return decode(packet, 0, packet.length, direction, options);
    }

    private static MmsMessage decodeMessage(WireReader r, Direction direction, Checks checks,
            DecodeOptions options) {
        int start = r.unitPosition();
        long chunkLen = r.u32("chunkLen");
        long mid = r.u32("MID");
        int left = r.remaining();
        long declared = chunkLen * 8 - MESSAGE_PREFIX;
        int bodyLength;
        if (chunkLen == 0) {
            checks.in(MESSAGES).addAt(start, Level.MUST, "chunkLen", "at least 1 (chunkLen and MID are 8 bytes)",
                    "0");
            bodyLength = left; // the rest of the packet is all we can attribute it
        } else if (declared > left) {
            checks.in(MESSAGES).addAt(start, Level.MUST, "chunkLen",
                    "at most " + (left + MESSAGE_PREFIX) / 8 + " (the bytes left in the packet)",
                    Long.toString(chunkLen));
            bodyLength = left;
        } else {
            bodyLength = (int) declared;
        }
        MessageType type = MessageTypes.byMid(mid);
        Direction midDirection = Direction.ofMid(mid);
        if (direction != null && midDirection != null && midDirection != direction) {
            checks.in(MESSAGES).addAt(start + 4, Level.MUST, "MID",
                    "a " + direction.label() + " MID (high word " + Checks.hex(direction.midHigh()) + ")",
                    String.format("0x%08X", mid));
        }
        Section section = type == null ? MESSAGES : type.section();
        checks.in(section);
        WireReader fields = r.slice(type == null ? "body" : type.name(), bodyLength, section);
        MmsMessage m;
        if (type == null) {
            m = new UnknownMessage(mid, fields.rest("body"));
        } else {
            m = type.decoder().decode(fields);
            fields.padding(MESSAGES);
        }
        checks.in(section).withOffsets(fields.fieldOffsets(), 0);
        m.check(checks);
        checks.withOffsets(java.util.Map.of(), 0);
        return m;
    }

    /** The canonical bytes of a one-message packet: the header {@link TcpMessageHeader#canonical} would build. */
    public static byte[] encode(int seq, MmsMessage message) {
        return encode(CommandPacket.of(seq, message));
    }

    /** The packet's bytes. The header is written as held; each message gets the chunkLen of its encoded size. */
    public static byte[] encode(CommandPacket packet) {
        WireWriter w = new WireWriter(TcpMessageHeader.SIZE + 64 * packet.messages().size());
        packet.header().write(w);
        for (MmsMessage m : packet.messages()) {
            writeMessage(w, m);
        }
        return w.toByteArray();
    }

    /** Writes chunkLen, MID, the fields and the zero padding of one message. */
    public static void writeMessage(WireWriter w, MmsMessage m) {
        int start = w.position();
        w.u32(0).u32(m.mid());
        m.encodeBody(w);
        w.pad8();
        w.putU32(start, (w.position() - start) / 8);
    }

    static int areaLength(List<MmsMessage> messages) {
        WireWriter w = new WireWriter(64 * messages.size());
        for (MmsMessage m : messages) {
            writeMessage(w, m);
        }
        return w.position();
    }
}
