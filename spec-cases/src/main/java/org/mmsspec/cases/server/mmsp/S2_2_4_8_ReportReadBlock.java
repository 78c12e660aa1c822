package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

/** MS-MMSP 2.2.4.8: the fields of LinkMacToViewerReportReadBlock, the reply to ReadBlock. */
final class S2_2_4_8_ReportReadBlock {

    private static final String REPLY = "LinkMacToViewerReportReadBlock";
    /** A ReadBlock playIncarnation of the new clients' HeaderIncarnation range that Handshake does not use. */
    static final long READ_INCARNATION = 7;

    private S2_2_4_8_ReportReadBlock() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.8", REPLY);
        g.add(1, MUST, "ReadBlock is answered by a message with MID 0x00040011").covers("R1")
                .run(S2_2_4_8_ReportReadBlock::readBlock);
        ReplySteps.field(g, 2, MUST, "R2", REPLY, "playIncarnation (the ReadBlock's)", READ_INCARNATION,
                S2_2_4_8_ReportReadBlock::readBlock, LinkMacToViewerReportReadBlock::playIncarnation);
        ReplySteps.field(g, 3, MUST, "R3", REPLY, "playSequence", 0, S2_2_4_8_ReportReadBlock::readBlock,
                LinkMacToViewerReportReadBlock::playSequence);
        return g;
    }

    /** ReadBlock with playIncarnation 7 after ReportOpenFile: the reply. */
    static LinkMacToViewerReportReadBlock readBlock(CaseContext ctx) {
        Handshake h = ctx.handshake().upTo(Stage.FILE_OPENED);
        h.client().send(LinkViewerToMacReadBlock.of(h.openFileId(), READ_INCARNATION));
        return h.client().expect(LinkMacToViewerReportReadBlock.class);
    }
}
