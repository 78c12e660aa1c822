package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;

/** MS-MMSP 3.2.5.14 with bad input: StopPlaying for another file, or before there is one. */
final class S3_2_5_14_ReceivingStopPlaying_Malformed {

    private static final long INCARNATION = Handshake.OPEN_INCARNATION + 2;

    private S3_2_5_14_ReceivingStopPlaying_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.14", "Receiving a LinkViewerToMacStopPlaying Message");
        g.add(50, MUST, "while streaming, StopPlaying with an openFileId one past the one ReportOpenFile gave is "
                + "refused")
                .covers("R2").tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.PLAYING);
                    h.client().send(new LinkViewerToMacStopPlaying((h.openFileId() + 1) & 0xFFFFFFFFL, INCARNATION));
                    refused(ctx, h.client());
                });
        g.add(51, MUST, "StopPlaying after ReportConnectedFunnel, before any OpenFile, is refused").covers("R2")
                .tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FUNNEL_CONNECTED).client();
                    c.send(new LinkViewerToMacStopPlaying(1, INCARNATION));
                    refused(ctx, c);
                });
        return g;
    }
}
