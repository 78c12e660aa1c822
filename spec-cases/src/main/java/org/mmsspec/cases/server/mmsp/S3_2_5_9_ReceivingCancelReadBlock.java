package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacCancelReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

/** MS-MMSP 3.2.5.9: what a server awaits after CancelReadBlock: another CancelReadBlock, CloseFile or ReadBlock. */
final class S3_2_5_9_ReceivingCancelReadBlock {

    /** The ReadBlock playIncarnation of Handshake, which CancelReadBlock names. */
    private static final long READ_INCARNATION = Handshake.OPEN_INCARNATION + 1;

    private S3_2_5_9_ReceivingCancelReadBlock() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.9", "Receiving a LinkViewerToMacCancelReadBlock Message");
        g.add(1, MUST, "After CancelReadBlock, a new ReadBlock gets ReportReadBlock echoing it and the header again")
                .covers("R4").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.HEADER_READ);
                    h.client().send(new LinkViewerToMacCancelReadBlock(READ_INCARNATION));
                    h.client().send(LinkViewerToMacReadBlock.of(h.openFileId(), READ_INCARNATION + 1));
                    var r = h.client().awaitMessage(LinkMacToViewerReportReadBlock.class);
                    ctx.mustEqual("playIncarnation of ReportReadBlock after CancelReadBlock", READ_INCARNATION + 1,
                            r.playIncarnation());
                    h.client().readHeader();
                });
        g.add(2, MUST, "After CancelReadBlock, CloseFile ends the session: the server closes TCP").covers("R4")
                .run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.HEADER_READ);
                    h.client().send(new LinkViewerToMacCancelReadBlock(READ_INCARNATION));
                    h.client().send(LinkViewerToMacCloseFile.of(h.openFileId()));
                    h.client().expectClose();
                });
        return g;
    }
}
