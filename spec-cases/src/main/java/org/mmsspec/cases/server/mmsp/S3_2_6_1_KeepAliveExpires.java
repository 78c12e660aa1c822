package org.mmsspec.cases.server.mmsp;

import org.mmsspec.cases.ConformanceCase;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake;

/** MS-MMSP 3.2.6.1: a silent session gets LinkMacToViewerPing when the KeepAlive timer expires. */
final class S3_2_6_1_KeepAliveExpires {

    private S3_2_6_1_KeepAliveExpires() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.6.1", "KeepAlive Timer Expires");
        g.add(1, MUST, "A READY session that sends nothing gets LinkMacToViewerPing (within twice the 30 s KeepAlive)")
                .covers("R1", "R2", "R3").tags(ConformanceCase.SLOW).run(ctx -> {
                    Handshake h = Timers.silentReady(ctx);
                    var waited = Timers.awaitPing(h.client(), Timers.PING_WAIT);
                    ctx.must(waited.ping(), "no Ping within " + Timers.PING_WAIT.toSeconds() + " s of silence: "
                            + waited.outcome().summary());
                });
        return g;
    }
}
