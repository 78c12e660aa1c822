package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

/** MS-MMSP 3.2.5.8: what a server sends for ReadBlock over a TCP funnel: ReportReadBlock, then the ASF file header. */
final class S3_2_5_8_ReceivingReadBlock {

    private static final long READ_INCARNATION = S2_2_4_8_ReportReadBlock.READ_INCARNATION;

    private S3_2_5_8_ReceivingReadBlock() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.8", "Receiving a LinkViewerToMacReadBlock Message");
        g.add(1, MUST, "ReportReadBlock comes before any header Data packet").covers("R12").run(ctx -> {
            Handshake h = ctx.handshake().upTo(Stage.FILE_OPENED);
            h.client().send(LinkViewerToMacReadBlock.of(h.openFileId(), READ_INCARNATION));
            Outcome o = h.client().receive();
            boolean report = o instanceof Outcome.Received r && r.message(LinkMacToViewerReportReadBlock.class)
                    .isPresent();
            ctx.must(report, report ? "" : "the first thing after ReadBlock is no ReportReadBlock: " + o.summary());
        });
        g.add(2, MUST, "The header's Data packets carry the ReadBlock's playIncarnation (7)").covers("R4").run(ctx -> {
            for (DataPacket d : header(ctx).fragments()) {
                ctx.mustEqual("playIncarnation of header Data packet " + d.LocationId(), READ_INCARNATION,
                        d.playIncarnation());
            }
        });
        g.add(3, MUST, "The header's Data packets carry the ASF Header Object and the first 50 bytes of the Data Object")
                .covers("R13").run(ctx -> {
                    byte[] h = header(ctx).bytes();
                    var asf = AsfFileHeader.read(h);
                    ctx.must(asf.isPresent(), "the " + h.length + " header bytes hold no ASF Header Object with a "
                            + "File Properties Object");
                    ctx.must(asf.get().endsWithDataObject(h), "the header is " + h.length + " bytes; the Header "
                            + "Object's " + asf.get().headerObject() + " and 50 of the Data Object should make it");
                });
        return g;
    }

    /** ReadBlock with playIncarnation 7 after ReportOpenFile: the header that follows ReportReadBlock. */
    private static AsfHeader header(org.mmsspec.cases.server.CaseContext ctx) {
        Handshake h = ctx.handshake().upTo(Stage.FILE_OPENED);
        h.client().send(LinkViewerToMacReadBlock.of(h.openFileId(), READ_INCARNATION));
        h.client().expect(LinkMacToViewerReportReadBlock.class);
        return h.client().readHeader();
    }
}
