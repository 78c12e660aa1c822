package org.mmsspec.cases.server.mmsp;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamChange;

/**
 * The passage from one server-side playlist entry to the next over TCP, as a client sees it (MS-MMSP 3.2.4.1,
 * 3.2.4.2): ReportEndOfStream hr 1, ReportStreamChange, the next entry's header in Data packets, its data.
 *
 * @param end    the ReportEndOfStream that ended the first entry
 * @param change the ReportStreamChange that followed
 * @param header the Data packets after the change up to the last header fragment
 */
record EntryChange(Handshake session, LinkMacToViewerReportEndOfStream end, LinkMacToViewerReportStreamChange change,
        List<DataPacket> header) {

    /**
     * Plays the last packets of the target's first playlist entry over TCP, up to the ReportStreamChange; the next
     * header is not read yet.
     */
    static EntryChange reach(CaseContext ctx) {
        Handshake h = ctx.handshake(ctx.requirePlaylist()).upTo(Handshake.Stage.STREAMS_SWITCHED);
        long count = h.openFileReply().filePacketCount();
        // near the end, so that a real-time server gets there within the timeout; locationId 0 would mean "unused"
        SessionSteps.playFrom(h, Math.max(1, count - TAIL_PACKETS), SessionSteps.PLAY);
        MmstClient c = h.client();
        var end = c.awaitMessage(LinkMacToViewerReportEndOfStream.class);
        ctx.mustEqual("hr of ReportEndOfStream at the end of the first playlist entry", 1L, end.hr());
        var change = c.expect(LinkMacToViewerReportStreamChange.class);
        return new EntryChange(h, end, change, List.of());
    }

    /** {@link #reach}, then the Data packets of the next entry's header, up to the last fragment. */
    static EntryChange withHeader(CaseContext ctx) {
        EntryChange e = reach(ctx);
        List<DataPacket> header = new ArrayList<>();
        while (true) {
            DataPacket d = SessionSteps.nextData(e.client());
            header.add(d);
            if ((d.AFFlags() & DataPacket.AF_HEADER_LAST_ALT) != 0 || header.size() > MAX_HEADER_PACKETS) {
                return new EntryChange(e.session, e.end, e.change, header);
            }
        }
    }

    /** Packets of the first entry played before its end. */
    static final int TAIL_PACKETS = 3;
    /** More header fragments than this means the packets are no header. */
    private static final int MAX_HEADER_PACKETS = 1024;

    MmstClient client() {
        return session.client();
    }

    int headerBytes() {
        return header.stream().mapToInt(d -> d.Payload().length()).sum();
    }

}
