package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.Session;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

/** MS-MMSP 3.2.5.6: what a server answers to OpenFile of a path it serves or does not know, without redirect. */
final class S3_2_5_6_ReceivingOpenFile {

    /** A path no server serves. */
    static final String MISSING = "mmsspec-no-such-file-7f3a.asf";

    private S3_2_5_6_ReceivingOpenFile() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.6", "Receiving a LinkViewerToMacOpenFile Message");
        g.add(1, MUST, "OpenFile of the media, no credentials asked, is answered with ReportOpenFile hr 0")
                .covers("R15").run(ctx -> ctx.mustEqual("hr of ReportOpenFile", 0L,
                        S2_2_4_7_ReportOpenFile.opened(ctx).hr()));
        g.add(2, MUST, "OpenFile of a path the server does not have is answered with ReportOpenFile").covers("R4")
                .run(ctx -> S2_2_4_7_ReportOpenFile.openFile(ctx, MISSING));
        g.add(3, MUST, "That ReportOpenFile's hr signals failure (bit 31 set)").covers("R5").run(ctx -> {
            long hr = S2_2_4_7_ReportOpenFile.openFile(ctx, MISSING).hr();
            ctx.must((hr & 0x80000000L) != 0, String.format("hr 0x%08X of ReportOpenFile for a missing path is no "
                    + "failure", hr));
        });
        g.add(4, MUST, "The openFileId of ReportOpenFile names the file: StartPlaying with it gets Data packets")
                .covers("R16").run(ctx -> {
                    Session s = ctx.play();
                    boolean data = s.iterator().hasNext();
                    ctx.must(data, data ? "" : "no Data packet after StartPlaying with openFileId "
                            + s.openFile().openFileId() + ": " + s.end().summary());
                });
        g.add(5, MUST, "Right after ReportOpenFile, ReadBlock is answered with ReportReadBlock and the header")
                .covers("R17").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.FILE_OPENED);
                    h.client().send(LinkViewerToMacReadBlock.of(h.openFileId(), 2));
                    h.client().expect(LinkMacToViewerReportReadBlock.class);
                    h.client().readHeader();
                });
        return g;
    }
}
