package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;

/** MS-MMSP 3.2.5.17: CloseFile ends the session: the server drops its state and closes the TCP connection. */
final class S3_2_5_17_ReceivingCloseFile {

    private S3_2_5_17_ReceivingCloseFile() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.17", "Receiving a LinkViewerToMacCloseFile Message");
        g.add(1, MUST, "CloseFile after the header (READY): the server closes TCP").covers("R4").run(ctx -> {
            Handshake h = ctx.handshake().upTo(Stage.HEADER_READ);
            h.client().send(LinkViewerToMacCloseFile.of(h.openFileId()));
            h.client().expectClose();
        });
        g.add(2, MUST, "CloseFile while Data packets flow (STREAMING): the server closes TCP").covers("R4").run(ctx -> {
            Handshake h = ctx.handshake();
            var first = h.play().iterator();
            ctx.must(first.hasNext(), "no Data packet after StartPlaying to close in the middle of");
            h.client().send(LinkViewerToMacCloseFile.of(h.openFileId()));
            h.client().expectClose();
        });
        return g;
    }
}
