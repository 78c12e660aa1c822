package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.mmsp.SessionSteps.PLAY;
import static org.mmsspec.cases.server.mmsp.SessionSteps.REPLAY;
import static org.mmsspec.codec.Level.MUST;



import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.AsfHeader;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamChange;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;

/**
 * MS-MMSP 3.2.4.2: a new playlist entry. Over TCP its header follows the ReportStreamChange at once, with
 * playIncarnation 0xFF; over UDP the server waits in READY for a ReadBlock.
 */
final class S3_2_4_2_NewAsfHeader {

    /** HeaderIncarnation of the ReadBlock for the second entry's header. */
    private static final long HEADER_AGAIN = 3;

    private S3_2_4_2_NewAsfHeader() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.4.2", "Notification That a New ASF File Header Is Available");
        g.add(1, MUST, "Over TCP the next entry's header follows ReportStreamChange with no ReadBlock, in Data packets"
                + " with playIncarnation 0xFF").covers("R10", "R11").run(ctx -> {
                    EntryChange e = EntryChange.withHeader(ctx);
                    for (DataPacket d : e.header()) {
                        ctx.mustEqual("playIncarnation of a header Data packet after ReportStreamChange", 0xFFL,
                                (long) d.playIncarnation());
                    }
                    DataPacket last = e.header().get(e.header().size() - 1);
                    ctx.must((last.AFFlags() & DataPacket.AF_HEADER_LAST_ALT) != 0,
                            "the Data packets after ReportStreamChange end as a header ends (AFFlags 0x08 or 0x0C)");
                });
        g.add(2, MUST, "Over TCP the next entry's data follows its header, from its first ASF data packet")
                .covers("R12").run(ctx -> {
                    EntryChange e = EntryChange.withHeader(ctx);
                    DataPacket first = SessionSteps.nextData(e.client());
                    ctx.mustEqual("LocationId of the first Data packet of the next entry", 0L, first.LocationId());
                });
        g.add(3, MUST, "Logging after ReportStreamChange is taken: the next entry plays on to its ReportEndOfStream")
                .covers("R6").run(ctx -> {
                    EntryChange e = EntryChange.reach(ctx);
                    e.client().send(SessionSteps.logging(e.session().openFileId(), "TCP"));
                    var rest = SessionSteps.untilEnd(e.client());
                    ctx.must(!rest.data().isEmpty(), "the next entry sent no Data packet after Logging");
                });
        g.add(4, MUST, "StreamSwitch for the next entry after its header: ReportStreamSwitch, and the entry plays on to"
                + " its end").covers("R4", "MMSP-3.2.5.10-R6", "MMSP-3.2.5.10-R7").run(ctx -> {
                    EntryChange e = EntryChange.withHeader(ctx);
                    e.client().send(SessionSteps.selectAll(new AsfHeader(e.header())));
                    var rest = SessionSteps.untilEnd(e.client());
                    if (!rest.got(LinkMacToViewerReportStreamSwitch.class)) {
                        e.client().expect(LinkMacToViewerReportStreamSwitch.class); // the entry ended first
                    }
                    ctx.mustEqual("hr of the ReportEndOfStream ending the playlist", 0L, rest.end().hr());
                });
        g.add(5, MUST, "Over UDP no header of the next entry comes after ReportStreamChange until a ReadBlock asks")
                .covers("R7").tags(ServerCase.UDP).run(ctx -> {
                    UdpPlay p = udpChanged(ctx);
                    long deadline = System.nanoTime() + SessionSteps.QUIET.toNanos();
                    for (DataPacket d = p.udpBefore(deadline); d != null; d = p.udpBefore(deadline)) {
                        ctx.must(d.playIncarnation() == PLAY, "a Data packet of another play came by UDP before any"
                                + " ReadBlock: " + d);
                    }
                });
        g.add(6, MUST, "Over UDP, ReadBlock after ReportStreamChange: ReportReadBlock and the next entry's header by"
                + " UDP")
                .covers("R7", "R9").tags(ServerCase.UDP).run(ctx -> {
                    UdpPlay p = udpChanged(ctx);
                    p.readHeader(HEADER_AGAIN);
                    ctx.must(!p.header.streamNumbers().isEmpty(), "the next entry's header lists its streams");
                });
        g.add(7, MUST, "Over UDP, the next entry's header, StreamSwitch and StartPlaying: its data by UDP from its"
                + " first packet").covers("R9").tags(ServerCase.UDP).run(ctx -> {
                    UdpPlay p = udpChanged(ctx);
                    p.readHeader(HEADER_AGAIN);
                    p.play(REPLAY);
                    DataPacket first = p.data(REPLAY, 1).get(0);
                    ctx.mustEqual("LocationId of the first Data packet of the next entry", 0L, first.LocationId());
                });
        return g;
    }

    /** The playlist over a UDP funnel, played from near the end of its first entry to the ReportStreamChange. */
    private static UdpPlay udpChanged(CaseContext ctx) {
        UdpPlay p = UdpPlay.ready(ctx, ctx.requirePlaylist(), false);
        p.playFrom(Math.max(1, p.filePacketCount - EntryChange.TAIL_PACKETS), PLAY);
        p.tcp.awaitMessage(LinkMacToViewerReportStreamChange.class);
        return p;
    }
}
