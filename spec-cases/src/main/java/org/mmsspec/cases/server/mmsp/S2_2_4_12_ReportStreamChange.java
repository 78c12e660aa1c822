package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamChange;

/** MS-MMSP 2.2.4.12: the ReportStreamChange that announces the next server-side playlist entry. */
final class S2_2_4_12_ReportStreamChange {

    private S2_2_4_12_ReportStreamChange() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.12", "LinkMacToViewerReportStreamChange");
        g.add(1, MUST, "At the end of a playlist entry: ReportEndOfStream hr 1, then ReportStreamChange")
                .covers("R1", "MMSP-3.2.4.2-R1", "MMSP-3.2.4.2-R3").run(EntryChange::reach);
        g.add(2, MUST, "ReportStreamChange's hr is 0").covers("R2").run(ctx -> {
            ctx.mustEqual("hr of ReportStreamChange", 0L, EntryChange.reach(ctx).change().hr());
        });
        g.add(3, MUST, "ReportStreamChange's dwTcpHdrIncarnation is 0xFF").covers("R3").run(ctx -> {
            ctx.mustEqual("dwTcpHdrIncarnation", LinkMacToViewerReportStreamChange.TCP_HDR_INCARNATION,
                    EntryChange.reach(ctx).change().dwTcpHdrIncarnation());
        });
        g.add(4, MUST, "cbHeaderSize is the size of the next entry's header, as its Data packets carry it")
                .covers("R5").run(ctx -> {
                    EntryChange e = EntryChange.withHeader(ctx);
                    ctx.mustEqual("cbHeaderSize against the header that followed", (long) e.headerBytes(),
                            e.change().cbHeaderSize());
                });
        g.add(5, MUST, "No ASF data packet of the next entry is larger than cbPacketSize").covers("R4").run(ctx -> {
            EntryChange e = EntryChange.withHeader(ctx);
            for (DataPacket d : SessionSteps.untilEnd(e.client()).data()) {
                ctx.must(d.Payload().length() <= e.change().cbPacketSize(), "ASF data packet " + d.LocationId()
                        + " has " + d.Payload().length() + " bytes, cbPacketSize " + e.change().cbPacketSize());
            }
        });
        g.add(6, SHOULD, "ReportStreamChange's dwStreamId is 0").covers("R7").run(ctx -> {
            ctx.shouldEqual("dwStreamId", 0L, EntryChange.reach(ctx).change().dwStreamId());
        });
        return g;
    }
}
