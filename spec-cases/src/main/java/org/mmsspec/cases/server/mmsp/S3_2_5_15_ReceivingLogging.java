package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Session;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/**
 * MS-MMSP 3.2.5.15: after Logging the server awaits StreamSwitch, StartPlaying, StartStriding or CloseFile. Logging
 * has no reply, so the case sends one of those next and expects its usual answer.
 */
final class S3_2_5_15_ReceivingLogging {

    private S3_2_5_15_ReceivingLogging() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.15", "Receiving a LinkViewerToMacLogging Message");
        g.add(1, MUST, "Logging after the header, then StreamSwitch: ReportStreamSwitch answers").covers("R4")
                .run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.HEADER_READ);
                    log(ctx, h);
                    h.client().send(LinkViewerToMacStreamSwitch.of(h.header().streamNumbers().stream()
                            .map(StreamSwitchEntry::on).toArray(StreamSwitchEntry[]::new)));
                    h.client().expect(LinkMacToViewerReportStreamSwitch.class);
                });
        g.add(2, MUST, "StopPlaying, Logging as a player sends it on stop, then StartPlaying: ReportStartedPlaying")
                .covers("R4").run(ctx -> {
                    Handshake h = ctx.handshake();
                    Session s = h.play();
                    MmstClient c = h.client();
                    long inc = s.started().playIncarnation();
                    c.send(new LinkViewerToMacStopPlaying(h.openFileId(), inc));
                    c.awaitMessage(LinkMacToViewerReportEndOfStream.class);
                    log(ctx, h);
                    c.send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, inc + 1));
                    c.awaitMessage(LinkMacToViewerReportStartedPlaying.class);
                });
        g.add(3, MUST, "Logging after the header, then CloseFile: the server closes TCP").covers("R4").run(ctx -> {
            Handshake h = ctx.handshake().upTo(Stage.HEADER_READ);
            log(ctx, h);
            h.client().send(LinkViewerToMacCloseFile.of(h.openFileId()));
            h.client().expectClose();
        });
        return g;
    }

    private static void log(CaseContext ctx, Handshake h) {
        h.client().send(ReplySteps.logging(h.openFileId(), "mms://" + ctx.target().host() + "/" + ctx.target().media()));
    }
}
