package org.mmsspec.cases.server.mmsp;

import org.mmsspec.cases.ConformanceCase;
import static org.mmsspec.cases.server.mmsp.SessionSteps.PLAY;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/** MS-MMSP 3.2.5.16: a Pong leaves the session where it was, playing or waiting. */
final class S3_2_5_16_ReceivingPong {

    private S3_2_5_16_ReceivingPong() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.16", "Receiving a LinkViewerToMacPong Message");
        g.add(1, MUST, "Pong in READY (as VLC sends unasked): the session still takes StartPlaying and plays")
                .covers("R4").run(ctx -> {
                    Handshake h = SessionSteps.ready(ctx);
                    h.client().send(LinkViewerToMacPong.of());
                    playOn(h);
                });
        g.add(2, MUST, "Pong while streaming: Data packets go on, and StopPlaying is answered as usual")
                .covers("R3").run(ctx -> {
                    // paced, so that the session is still streaming when the Pong comes
                    Handshake h = SessionSteps.ready(ctx, ctx.target().pacedEndpoint());
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    SessionSteps.nextData(h.client());
                    h.client().send(LinkViewerToMacPong.of());
                    SessionSteps.nextData(h.client());
                    SessionSteps.stop(h, PLAY);
                });
        g.add(3, MUST, "Pong answering the KeepAlive Ping of a READY session: it still takes StartPlaying and plays")
                .covers("R4", "MMSP-3.2.6.1-R4").tags(ConformanceCase.SLOW).run(ctx -> {
                    Handshake h = Timers.silentReady(ctx);
                    var waited = Timers.awaitPing(h.client(), Timers.PING_WAIT);
                    ctx.must(waited.ping(), "no Ping came to a silent READY session: " + waited.outcome().summary());
                    h.client().send(LinkViewerToMacPong.of());
                    playOn(h);
                });
        return g;
    }

    /** StartPlaying from the start and its first Data packet. */
    private static void playOn(Handshake h) {
        h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
        h.client().expect(LinkMacToViewerReportStartedPlaying.class);
        SessionSteps.nextData(h.client());
    }
}
