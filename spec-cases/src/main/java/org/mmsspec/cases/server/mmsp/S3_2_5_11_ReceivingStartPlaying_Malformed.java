package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/** MS-MMSP 3.2.5.11 with bad input: StartPlaying before the header, for another file, or cut short. */
final class S3_2_5_11_ReceivingStartPlaying_Malformed {

    private static final long INCARNATION = Handshake.OPEN_INCARNATION + 2;

    private S3_2_5_11_ReceivingStartPlaying_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.11", "Receiving a LinkViewerToMacStartPlaying Message");
        g.add(50, MUST, "StartPlaying after ReportOpenFile, before ReadBlock has fetched the header, is refused")
                .covers("R3", "MMSP-3.2.5.6-R17").tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.FILE_OPENED);
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, INCARNATION));
                    refused(ctx, h.client());
                });
        g.add(51, MUST, "StartPlaying as the first message, before Connect, is refused").covers("R3").tags(NEGATIVE)
                .run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(LinkViewerToMacStartPlaying.of(1, 0, INCARNATION));
                    refused(ctx, c);
                });
        g.add(52, MUST, "StartPlaying with an openFileId one past the one ReportOpenFile gave is refused")
                .covers("R3").tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.STREAMS_SWITCHED);
                    h.client().send(LinkViewerToMacStartPlaying.of((h.openFileId() + 1) & 0xFFFFFFFFL, 0,
                            INCARNATION));
                    refused(ctx, h.client());
                });
        g.add(53, MUST, "StartPlaying cut to chunkLen 3 (16 of its 40 field bytes) is refused").covers("R2")
                .tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.STREAMS_SWITCHED);
                    // openFileId, padding, position; asfOffset, locationId, frameOffset, playIncarnation are missing
                    byte[] body = new byte[16];
                    u32(body, 0, h.openFileId());
                    h.client().send(raw(LinkViewerToMacStartPlaying.TYPE.mid(), body));
                    refused(ctx, h.client());
                });
        return g;
    }
}
