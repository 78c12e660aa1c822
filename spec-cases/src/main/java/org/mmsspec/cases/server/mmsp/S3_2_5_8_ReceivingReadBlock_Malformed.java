package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

/** MS-MMSP 3.2.5.8 with bad input: ReadBlock before there is a file, for another file, or cut short. */
final class S3_2_5_8_ReceivingReadBlock_Malformed {

    private static final long INCARNATION = Handshake.OPEN_INCARNATION + 1;

    private S3_2_5_8_ReceivingReadBlock_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.8", "Receiving a LinkViewerToMacReadBlock Message");
        g.add(50, MUST, "ReadBlock after ReportConnectedFunnel, before any OpenFile, is refused")
                .covers("R3", "MMSP-3.2.5.5-R9").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FUNNEL_CONNECTED).client();
                    c.send(LinkViewerToMacReadBlock.of(1, INCARNATION));
                    refused(ctx, c);
                });
        g.add(51, MUST, "ReadBlock with an openFileId one past the one ReportOpenFile gave is refused").covers("R3")
                .tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.FILE_OPENED);
                    h.client().send(LinkViewerToMacReadBlock.of((h.openFileId() + 1) & 0xFFFFFFFFL, INCARNATION));
                    refused(ctx, h.client());
                });
        g.add(52, MUST, "ReadBlock with openFileId 0xFFFFFFFF, not the one ReportOpenFile gave, is refused")
                .covers("R3").tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.FILE_OPENED);
                    long wrong = h.openFileId() == 0xFFFFFFFFL ? 0 : 0xFFFFFFFFL;
                    h.client().send(LinkViewerToMacReadBlock.of(wrong, INCARNATION));
                    refused(ctx, h.client());
                });
        g.add(53, MUST, "ReadBlock as the first message, before Connect, is refused").covers("R3").tags(NEGATIVE)
                .run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(LinkViewerToMacReadBlock.of(1, INCARNATION));
                    refused(ctx, c);
                });
        g.add(54, MUST, "ReadBlock cut to chunkLen 3 (16 of its 48 field bytes) is refused").covers("R2")
                .tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.FILE_OPENED);
                    // openFileId, fileBlockId, offset, length; flags, padding, tEarliest and tDeadline are missing
                    byte[] body = new byte[16];
                    u32(body, 0, h.openFileId());
                    h.client().send(raw(LinkViewerToMacReadBlock.TYPE.mid(), body));
                    refused(ctx, h.client());
                });
        return g;
    }
}
