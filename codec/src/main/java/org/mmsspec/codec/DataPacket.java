package org.mmsspec.codec;

/**
 * A Data packet (MS-MMSP 2.2.2): an 8-byte header and a payload that is a piece of the ASF file header, one ASF data
 * packet, or packet-pair filler. The same 8 bytes head the MMS data packets inside MMSH $D, $H and $M frames.
 * The payload is a view of the decoded bytes, never a copy.
 */
public record DataPacket(long LocationId, int playIncarnation, int AFFlags, int PacketSize, Bytes Payload) {

    public static final int HEADER_SIZE = 8;
    public static final Section SECTION = Section.mmsp("2.2.2");

    /** AFFlags of an ASF file header fragment that is followed by more. */
    public static final int AF_HEADER_MORE = 0x04;
    /** AFFlags of the last fragment of an ASF file header, as MS-MMSP 2.2.2 words it. */
    public static final int AF_HEADER_LAST = 0x0C;
    /** The last-fragment value that client rules and MS-WMSP also allow. */
    public static final int AF_HEADER_LAST_ALT = 0x08;
    /** AFFlags of a packet-pair packet. */
    public static final int AF_PACKET_PAIR = 0x10;
    /** playIncarnation of a packet-pair packet and of a new header after a stream change. */
    public static final int PACKET_PAIR_INCARNATION = 0xFF;

    /** A packet whose PacketSize is its true size. */
    public static DataPacket of(long locationId, int playIncarnation, int afFlags, Bytes payload) {
        return new DataPacket(locationId, playIncarnation, afFlags, HEADER_SIZE + payload.length(), payload);
    }

    /** PacketSize read straight from the bytes at {@code off}: how the stream framer sizes a Data packet. */
    public static int packetSizeAt(byte[] b, int off) {
        return (b[off + 6] & 0xFF) | (b[off + 7] & 0xFF) << 8;
    }

    /**
     * Decodes the Data packet in {@code b[off, off + len)}. The PacketSize field is judged against {@code len}; the
     * payload is whatever follows the header, and is not copied.
     */
    public static Decoded<DataPacket> decode(byte[] b, int off, int len, DecodeOptions options) {
        if (len > options.maxMessageSize()) {
            throw new MalformedInputException(SECTION, "PacketSize", 6,
                    "packet of " + len + " bytes exceeds the bound of " + options.maxMessageSize());
        }
        if (len < HEADER_SIZE) {
            // the general reader words the truncation as every other decoder does
            read(new WireReader(b, off, len, 0, SECTION, new Checks(SECTION, options.profile()), options));
        }
        // The header is fixed: read it in place, without a WireReader and its offset map. This is the hot path of
        // every stream, one packet per ASF data packet.
        DataPacket p = new DataPacket((b[off] & 0xFF | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16
                | (long) (b[off + 3] & 0xFF) << 24), b[off + 4] & 0xFF, b[off + 5] & 0xFF, packetSizeAt(b, off),
                Bytes.view(b, off + HEADER_SIZE, len - HEADER_SIZE));
        Checks checks = new Checks(SECTION, options.profile()).withOffsets(OFFSETS, 0);
        p.check(checks);
        return new Decoded<>(p, checks.violations(), options.strict());
    }

    private static final java.util.Map<String, Integer> OFFSETS = java.util.Map.of("LocationId", 0,
            "playIncarnation", 4, "AFFlags", 5, "PacketSize", 6, "Payload", 8);

    /**
     * Reads the header and takes everything left as the payload, judging nothing: MMSH frames hold the same bytes
     * under the rules of MS-WMSP 2.2.3.1.2.
     */
    public static DataPacket read(WireReader r) {
        return new DataPacket(r.u32("LocationId"), r.u8("playIncarnation"), r.u8("AFFlags"), r.length16("PacketSize"),
                r.rest("Payload"));
    }

    /**
     * Judges what one packet shows alone. Rules across packets (LocationId counting, the AFFlags sequence, the header
     * fragment order) need the stream, and belong to whoever follows it.
     */
    public void check(Checks c) {
        c.must("PacketSize", PacketSize == HEADER_SIZE + Payload.length(),
                Integer.toString(HEADER_SIZE + Payload.length()), Integer.toString(PacketSize));
        c.must("playIncarnation", playIncarnation != 0, "not 0x00 (reserved)", "0x0");
        // Only the LocationId marks a packet-pair packet: AFFlags 0x10 is also the 17th value of the running
        // sequence an ordinary data packet carries.
        if (LocationId == 0xF0F0F000L || LocationId == 0xF0F0F001L) {
            c.must("playIncarnation", playIncarnation == PACKET_PAIR_INCARNATION, "0xFF for a packet-pair packet",
                    Checks.hex(playIncarnation));
            c.mustHex("AFFlags", AFFlags == AF_PACKET_PAIR, "0x10 for a packet-pair packet", AFFlags);
        }
    }

    /**
     * The packet's bytes, in one array of the exact size: a server encodes one packet per ASF data packet it streams,
     * and a writer's buffer and its copy doubled what that allocated.
     */
    public byte[] encode() {
        byte[] b = new byte[HEADER_SIZE + Payload.length()];
        encode(java.nio.ByteBuffer.wrap(b));
        return b;
    }

    /**
     * The fields as {@link #write} puts them, at {@code dst}'s position (whatever its byte order): a streaming server
     * encodes each packet straight into its socket buffer this way, with no array in between.
     */
    public void encode(java.nio.ByteBuffer dst) {
        dst.put((byte) LocationId).put((byte) (LocationId >>> 8)).put((byte) (LocationId >>> 16))
                .put((byte) (LocationId >>> 24)).put((byte) playIncarnation).put((byte) AFFlags).put((byte) PacketSize)
                .put((byte) (PacketSize >>> 8));
        Payload.copyTo(dst);
    }

    public void write(WireWriter w) {
        w.u32(LocationId).u8(playIncarnation).u8(AFFlags).u16(PacketSize).bytes(Payload);
    }
}
