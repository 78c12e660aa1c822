package org.mmsspec.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A client's UDP request to resend Data packets (MS-MMSP 2.2.5). It sits next to {@link DataPacket} because, like it,
 * it travels outside any TcpMessageHeader and has no MID.
 *
 * @param dwBeginPacketList the 32-bit sequence numbers of the Data packets wanted, as many as the datagram holds
 */
public record RequestPacketListResend(long Signature, long dwClientId, int wSourceId, int wNumPackets,
        List<Long> dwBeginPacketList) {

    public static final Section SECTION = Section.mmsp("2.2.5");
    public static final long SIGNATURE = 0xBEEFF00DL;
    public static final int HEADER_SIZE = 12;
    public static final int MAX_PACKETS = 32;

    public RequestPacketListResend {
        dwBeginPacketList = List.copyOf(dwBeginPacketList);
    }

    /**
     * A request as a client builds it.
     *
     * @param clientId the nCubs of the last ReportFunnelInfo
     * @param openFileId the openFileId of ReportOpenFile; only its low 16 bits travel
     */
    public static RequestPacketListResend of(long clientId, long openFileId, List<Long> packets) {
        return new RequestPacketListResend(SIGNATURE, clientId, (int) (openFileId & 0xFFFF), packets.size(), packets);
    }

    /**
     * Decodes the datagram in {@code b[off, off + len)}. The list holds every whole 32-bit element present: its size
     * comes from the bytes, never from wNumPackets, which is only judged against it.
     */
    public static Decoded<RequestPacketListResend> decode(byte[] b, int off, int len, DecodeOptions options) {
        if (len > options.maxMessageSize()) {
            throw new MalformedInputException(SECTION, "dwBeginPacketList", HEADER_SIZE,
                    "datagram of " + len + " bytes exceeds the bound of " + options.maxMessageSize());
        }
        Checks checks = new Checks(SECTION, options.profile());
        WireReader r = new WireReader(b, off, len, 0, SECTION, checks, options);
        long signature = r.u32("Signature");
        long clientId = r.u32("dwClientId");
        int sourceId = r.u16("wSourceId");
        int numPackets = r.length16("wNumPackets");
        List<Long> list = new ArrayList<>(Math.min(r.remaining() / 4, MAX_PACKETS));
        int listAt = r.unitPosition();
        while (r.remaining() >= 4) {
            list.add(r.u32("dwBeginPacketList"));
        }
        int tail = r.remaining();
        checks.withOffsets(r.fieldOffsets(), 0);
        r.fieldOffsets().put("dwBeginPacketList", listAt);
        if (tail > 0) {
            r.rest("trailing");
            checks.addAt(len - tail, Level.MUST, "dwBeginPacketList", "whole 32-bit elements",
                    tail + " trailing bytes");
        }
        RequestPacketListResend p = new RequestPacketListResend(signature, clientId, sourceId, numPackets, list);
        p.check(checks);
        return new Decoded<>(p, checks.violations(), options.strict());
    }

    public static Decoded<RequestPacketListResend> decode(byte[] b, DecodeOptions options) {
        return decode(b, 0, b.length, options);
    }

    /**
     * Judges what the datagram shows alone; dwClientId and wSourceId are judged against the session by whoever
     * follows it.
     */
    public void check(Checks c) {
        c.mustEqual("Signature", SIGNATURE, Signature);
        c.must("wNumPackets", wNumPackets >= 1 && wNumPackets <= MAX_PACKETS, "1.." + MAX_PACKETS,
                Integer.toString(wNumPackets));
        c.must("dwBeginPacketList", dwBeginPacketList.size() == wNumPackets, wNumPackets + " elements (wNumPackets)",
                dwBeginPacketList.size() + " elements");
    }

    /** The datagram's bytes, fields as held. */
    public byte[] encode() {
        WireWriter w = new WireWriter(HEADER_SIZE + 4 * dwBeginPacketList.size());
        w.u32(Signature).u32(dwClientId).u16(wSourceId).u16(wNumPackets);
        dwBeginPacketList.forEach(w::u32);
        return w.toByteArray();
    }
}
