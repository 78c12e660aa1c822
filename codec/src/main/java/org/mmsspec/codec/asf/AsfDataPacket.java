package org.mmsspec.codec.asf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.WireWriter;

/**
 * One ASF data packet ([ASF] 5.2): error correction data, payload parsing information, then a single payload or
 * several, then padding. The components keep the wire's field widths (in the flag bytes) so an unchanged packet
 * encodes back to its own bytes; the {@code with...} methods change a packet the way MS-MMSP 2.2.2 asks a server to.
 *
 * @param errorCorrectionFlags 0 when the packet has no error correction data (bit 7 of the first byte clear)
 * @param errorCorrectionData  the error correction bytes (length in the low 4 bits of the flags)
 * @param lengthTypeFlags      multiple payloads (bit 0), sequence, padding and packet length types (bits 1-6)
 * @param propertyFlags        replicated data, offset, media object number and stream number length types
 * @param packetLength         the Packet Length field, or where the packet has none, the bytes it was read from
 * @param sequence             0 where absent
 * @param paddingLength        0 where absent
 * @param sendTime             milliseconds
 * @param duration             milliseconds
 * @param payloadFlags         multiple-payload packets: count (bits 0-5) and payload length type (bits 6-7); else 0
 */
public record AsfDataPacket(int errorCorrectionFlags, Bytes errorCorrectionData, int lengthTypeFlags, int propertyFlags,
        long packetLength, long sequence, long paddingLength, long sendTime, int duration, int payloadFlags,
        List<Payload> payloads) {

    static final int MULTIPLE_PAYLOADS = 0x01;
    /** Where MS-MMSP places ASF data packets in its Data packets; parse failures cite it. */
    private static final Section SECTION = Section.mmsp("2.2.2");
    private static final int ERROR_CORRECTION_PRESENT = 0x80;
    private static final int OPAQUE_DATA = 0x10;
    private static final int EC_LENGTH_TYPE = 0x60;
    private static final int PADDING_TYPE_SHIFT = 3;
    private static final int PACKET_LENGTH_TYPE_SHIFT = 5;
    private static final int SEQUENCE_TYPE_SHIFT = 1;
    /** Length type 01 (BYTE): the only stream number width [ASF] 5.2.2 allows. */
    private static final int STREAM_NUMBER_IS_BYTE = 1;

    /**
     * One payload ([ASF] 5.2.3). For a compressed payload (replicated data length 1) the offset field holds the
     * presentation time, the one replicated byte is the presentation time delta, and the payload data is a run of
     * sub-payloads, each a length byte then its data.
     *
     * @param streamNumber 1..127 (the low 7 bits of the Stream Number byte)
     * @param keyFrame     bit 7 of the Stream Number byte
     */
    public record Payload(int streamNumber, boolean keyFrame, long mediaObjectNumber, long offsetIntoMediaObject,
            Bytes replicatedData, Bytes payloadData) {

        public Payload {
            Objects.requireNonNull(replicatedData);
            Objects.requireNonNull(payloadData);
        }

        public boolean compressed() {
            return replicatedData.length() == 1;
        }

        /** The sub-payloads of a compressed payload (already bounded when the packet was parsed). */
        public List<Bytes> subPayloads() {
            if (!compressed()) {
                return List.of();
            }
            byte[] data = payloadData.toArray();
            List<Bytes> out = new ArrayList<>();
            for (int p = 0; p < data.length; p += 1 + (data[p] & 0xFF)) {
                out.add(Bytes.view(data, p + 1, data[p] & 0xFF));
            }
            return out;
        }
    }

    public AsfDataPacket {
        payloads = List.copyOf(payloads);
        Objects.requireNonNull(errorCorrectionData);
    }

    /**
     * Parses one packet as stored in the Data Object (or as received and zero-padded back).
     *
     * Every length is bounded by the bytes given; nothing is allocated beyond a copy of them.
     *
     * @throws MalformedInputException naming the field that is out of bounds or not supported
     */
    public static AsfDataPacket parse(byte[] packet) {
        return new Parser(packet.clone()).packet();
    }

    public boolean multiplePayloads() {
        return (lengthTypeFlags & MULTIPLE_PAYLOADS) != 0;
    }

    public boolean hasPacketLengthField() {
        return width(lengthTypeFlags >> PACKET_LENGTH_TYPE_SHIFT) != 0;
    }

    /** The stream numbers of the payloads, in order. */
    public List<Integer> streamNumbers() {
        return payloads.stream().map(Payload::streamNumber).toList();
    }

    /** The encoded size: header, payloads and padding. */
    public int size() {
        return sizeWithoutPadding() + (int) paddingLength;
    }

    private int sizeWithoutPadding() {
        int n = (errorCorrectionFlags != 0 ? 1 + errorCorrectionData.length() : 0) + 2
                + width(lengthTypeFlags >> PACKET_LENGTH_TYPE_SHIFT) + width(lengthTypeFlags >> SEQUENCE_TYPE_SHIFT)
                + width(lengthTypeFlags >> PADDING_TYPE_SHIFT) + 6 + (multiplePayloads() ? 1 : 0);
        for (Payload p : payloads) {
            n += 1 + width(propertyFlags >> 4) + width(propertyFlags >> 2) + width(propertyFlags)
                    + p.replicatedData().length() + p.payloadData().length()
                    + (multiplePayloads() ? width(payloadFlags >> 6) : 0);
        }
        return n;
    }

    /**
     * Only the given payloads (a subset of this packet's, in order): the payload count is rewritten and the size
     * shrinks; the padding is left as it was (see {@link #paddedTo} and {@link #withoutPadding}).
     */
    public AsfDataPacket withPayloads(List<Payload> kept) {
        if (!multiplePayloads() && kept.size() > 1) {
            throw new IllegalArgumentException("a single-payload packet cannot carry " + kept.size() + " payloads");
        }
        int flags = multiplePayloads() ? (payloadFlags & 0xC0) | kept.size() : payloadFlags;
        return new AsfDataPacket(errorCorrectionFlags, errorCorrectionData, lengthTypeFlags, propertyFlags,
                packetLength, sequence, paddingLength, sendTime, duration, flags, kept);
    }

    /**
     * Without Padding Data, as MS-MMSP 2.2.2 asks: Padding Length becomes 0 and a Packet Length field carries the new
     * size. A single-payload packet gets a Packet Length field if it had none, since its payload runs to the packet's
     * end: without one, the zeros a client pads back would read as payload data. A multiple-payload packet delimits
     * its payloads itself, so it is left without one.
     */
    public AsfDataPacket withoutPadding() {
        int flags = lengthTypeFlags;
        int size = sizeWithoutPadding();
        if (!hasPacketLengthField() && !multiplePayloads() && size < packetLength) {
            int type = size + 2 <= 0xFFFF ? 2 : 3;
            flags = (flags & ~(3 << PACKET_LENGTH_TYPE_SHIFT)) | type << PACKET_LENGTH_TYPE_SHIFT;
            size = with(flags, 0, 0).sizeWithoutPadding();
        }
        return with(flags, 0, size);
    }

    /**
     * Padded to {@code size} bytes (the file's packet size): Padding Length takes up what the payloads leave, widened
     * to a longer length type if the value needs it; a Packet Length field, where present, says {@code size}.
     */
    public AsfDataPacket paddedTo(int size) {
        int flags = lengthTypeFlags;
        for (int attempt = 0; attempt < 4; attempt++) {
            long padding = size - with(flags, 0, size).sizeWithoutPadding();
            if (padding < 0) {
                throw new IllegalArgumentException("payloads of " + (size - padding) + " bytes do not fit " + size);
            }
            int type = (flags >> PADDING_TYPE_SHIFT) & 3;
            if (padding == 0 || padding <= maxOf(type)) {
                return with(flags, padding, size);
            }
            flags = (flags & ~(3 << PADDING_TYPE_SHIFT)) | Math.min(3, type + 1) << PADDING_TYPE_SHIFT;
        }
        throw new IllegalArgumentException("no padding length type fits a packet of " + size + " bytes");
    }

    private AsfDataPacket with(int flags, long padding, long length) {
        return new AsfDataPacket(errorCorrectionFlags, errorCorrectionData, flags, propertyFlags, length, sequence,
                padding, sendTime, duration, payloadFlags, payloads);
    }

    /** The packet's bytes: what the fields say, nothing trusted beyond them. */
    public byte[] encode() {
        WireWriter w = new WireWriter(size());
        if (errorCorrectionFlags != 0) {
            w.u8(errorCorrectionFlags).bytes(errorCorrectionData);
        }
        w.u8(lengthTypeFlags).u8(propertyFlags);
        put(w, lengthTypeFlags >> PACKET_LENGTH_TYPE_SHIFT, packetLength, "Packet Length");
        put(w, lengthTypeFlags >> SEQUENCE_TYPE_SHIFT, sequence, "Sequence");
        put(w, lengthTypeFlags >> PADDING_TYPE_SHIFT, paddingLength, "Padding Length");
        w.u32(sendTime).u16(duration);
        if (multiplePayloads()) {
            w.u8(payloadFlags);
        }
        for (Payload p : payloads) {
            w.u8(p.streamNumber() | (p.keyFrame() ? 0x80 : 0));
            put(w, propertyFlags >> 4, p.mediaObjectNumber(), "Media Object Number");
            put(w, propertyFlags >> 2, p.offsetIntoMediaObject(), "Offset Into Media Object");
            put(w, propertyFlags, p.replicatedData().length(), "Replicated Data Length");
            w.bytes(p.replicatedData());
            if (multiplePayloads()) {
                put(w, payloadFlags >> 6, p.payloadData().length(), "Payload Length");
            }
            w.bytes(p.payloadData());
        }
        w.zeros((int) paddingLength);
        return w.toByteArray();
    }

    private static void put(WireWriter w, int type, long value, String field) {
        int n = width(type);
        if (n == 0) {
            return; // absent field: Packet Length then means the bytes the packet occupies
        }
        if (value < 0 || value > maxOf(type & 3)) {
            throw new IllegalArgumentException(field + " " + value + " does not fit its " + n + "-byte field");
        }
        switch (n) {
            case 1 -> w.u8((int) value);
            case 2 -> w.u16((int) value);
            case 4 -> w.u32(value);
            default -> { }
        }
    }

    /** Bytes of a field of length type {@code type} (low two bits): 00 absent, 01 BYTE, 10 WORD, 11 DWORD. */
    static int width(int type) {
        return switch (type & 3) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            default -> 4;
        };
    }

    private static long maxOf(int type) {
        return (1L << (8 * width(type))) - 1;
    }

    /** Reads one packet; every length is bounded by the bytes the packet has. */
    private static final class Parser {
        private final byte[] b;
        private int pos;
        private int end;

        Parser(byte[] b) {
            this.b = b;
            this.end = b.length;
        }

        AsfDataPacket packet() {
            int first = u8("Error Correction Flags");
            int ecFlags = 0;
            Bytes ecData = Bytes.EMPTY;
            if ((first & ERROR_CORRECTION_PRESENT) != 0) {
                ecFlags = first;
                if ((first & EC_LENGTH_TYPE) != 0) {
                    throw fail("Error Correction Length Type " + ((first & EC_LENGTH_TYPE) >> 5) + " is reserved");
                }
                if ((first & OPAQUE_DATA) != 0) {
                    throw fail("opaque error correction data is not supported");
                }
                ecData = take("Error Correction Data", first & 0x0F);
                first = u8("Length Type Flags");
            }
            int ltf = first;
            int props = u8("Property Flags");
            if (((props >> 6) & 3) != STREAM_NUMBER_IS_BYTE) {
                throw fail("Stream Number Length Type " + ((props >> 6) & 3) + " (must be 01, a BYTE)");
            }
            boolean hasLength = width(ltf >> PACKET_LENGTH_TYPE_SHIFT) != 0;
            long length = typed(ltf >> PACKET_LENGTH_TYPE_SHIFT, "Packet Length");
            long sequence = typed(ltf >> SEQUENCE_TYPE_SHIFT, "Sequence");
            long padding = typed(ltf >> PADDING_TYPE_SHIFT, "Padding Length");
            long sendTime = u32("Send Time");
            int duration = u16("Duration");
            if (!hasLength) {
                length = b.length;
            } else if (length > b.length || length < pos) {
                throw fail("Packet Length " + length + " is outside " + pos + ".." + b.length);
            }
            if (padding > length - pos) {
                throw fail("Padding Length " + padding + " exceeds the " + (length - pos) + " bytes left");
            }
            // bytes past a short Packet Length are padding too ([ASF] 5.2.2; clients pad stripped packets back)
            end = (int) (length - padding);
            List<Payload> payloads = new ArrayList<>();
            int payloadFlags = 0;
            if ((ltf & MULTIPLE_PAYLOADS) != 0) {
                payloadFlags = u8("Payload Flags");
                int lengthType = payloadFlags >> 6;
                if (lengthType == 0) {
                    throw fail("Payload Length Type 00: the payloads cannot be delimited");
                }
                for (int i = 0, n = payloadFlags & 0x3F; i < n; i++) {
                    payloads.add(payload(props, lengthType));
                }
                // a stripped packet padded back by a client has zeros here; anything else is not a packet
                for (int p = pos; p < end; p++) {
                    if (b[p] != 0) {
                        throw fail((end - pos) + " unaccounted bytes after the last payload");
                    }
                }
            } else {
                payloads.add(payload(props, -1));
            }
            return new AsfDataPacket(ecFlags, ecData, ltf, props, length, sequence, padding, sendTime, duration,
                    payloadFlags, payloads);
        }

        /** One payload; {@code lengthType} -1 means it runs to the end (single-payload packet). */
        private Payload payload(int props, int lengthType) {
            int streamByte = u8("Stream Number");
            long mediaObject = typed(props >> 4, "Media Object Number");
            long offset = typed(props >> 2, "Offset Into Media Object");
            long replicatedLength = typed(props, "Replicated Data Length");
            Bytes replicated = take("Replicated Data", replicatedLength);
            long dataLength = lengthType < 0 ? end - pos : typed(lengthType, "Payload Length");
            Bytes data = take("Payload Data", dataLength);
            if (replicatedLength == 1) {
                for (int p = 0; p < data.length(); p += 1 + (data.get(p) & 0xFF)) {
                    if (p + 1 + (data.get(p) & 0xFF) > data.length()) {
                        throw fail("compressed payload: sub-payload at " + p + " runs past its " + data.length()
                                + " bytes");
                    }
                }
            }
            return new Payload(streamByte & 0x7F, (streamByte & 0x80) != 0, mediaObject, offset, replicated, data);
        }

        private long typed(int type, String field) {
            return switch (width(type)) {
                case 0 -> 0;
                case 1 -> u8(field);
                case 2 -> u16(field);
                default -> u32(field);
            };
        }

        private int u8(String field) {
            need(field, 1);
            return b[pos++] & 0xFF;
        }

        private int u16(String field) {
            need(field, 2);
            int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
            pos += 2;
            return v;
        }

        private long u32(String field) {
            need(field, 4);
            long v = Integer.toUnsignedLong((b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16
                    | (b[pos + 3] & 0xFF) << 24);
            pos += 4;
            return v;
        }

        private Bytes take(String field, long n) {
            need(field, n);
            Bytes v = Bytes.view(b, pos, (int) n);
            pos += (int) n;
            return v;
        }

        private void need(String field, long n) {
            if (n > end - pos) {
                throw fail(field + " needs " + n + " bytes at offset " + pos + ", " + Math.max(0, end - pos)
                        + " left");
            }
        }

        private MalformedInputException fail(String why) {
            return new MalformedInputException(SECTION, "ASF data packet", pos, why);
        }
    }
}
