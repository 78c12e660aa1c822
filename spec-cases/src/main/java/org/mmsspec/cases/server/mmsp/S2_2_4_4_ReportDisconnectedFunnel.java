package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportDisconnectedFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;

/**
 * MS-MMSP 2.2.4.4: the ReportDisconnectedFunnel a ConnectFunnel the server cannot serve gets. A UDP funnel naming port
 * 0, which no client can listen on, is one.
 */
final class S2_2_4_4_ReportDisconnectedFunnel {

    private static final Section CONNECT_FUNNEL = Section.mmsp("3.2.5.5");
    private static final String UDP_PORT_0 = "\\\\127.0.0.1\\UDP\\0";

    private S2_2_4_4_ReportDisconnectedFunnel() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.4", "LinkMacToViewerReportDisconnectedFunnel");
        g.add(1, MUST, "ConnectFunnel naming UDP port 0 is refused with ReportDisconnectedFunnel and a failure hr")
                .covers("R1", "MMSP-3.2.5.5-R8").tags(ServerCase.UDP).run(ctx -> {
                    var refused = refuse(ctx, ctx.handshake().upTo(Handshake.Stage.FUNNEL_INFO));
                    ctx.must(refused.hr() != 0, "ReportDisconnectedFunnel carries a failure hr, not 0");
                });
        g.add(2, SHOULD, "ReportDisconnectedFunnel's playIncarnation is 0").covers("R2").tags(ServerCase.UDP)
                .run(ctx -> {
                    var refused = refuse(ctx, ctx.handshake().upTo(Handshake.Stage.FUNNEL_INFO));
                    ctx.shouldEqual("playIncarnation of ReportDisconnectedFunnel", 0L, refused.playIncarnation());
                });
        g.add(3, MUST, "After ReportDisconnectedFunnel a ConnectFunnel naming TCP is taken and the file plays")
                .covers("MMSP-3.2.5.5-R10", "MMSP-3.2.5.5-R7").tags(ServerCase.UDP).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.FUNNEL_INFO);
                    refuse(ctx, h);
                    var s = h.play(); // ConnectFunnel naming TCP, then on to StartPlaying
                    ctx.check(CONNECT_FUNNEL, MUST, s.iterator().hasNext(),
                            "the session plays after a refused and a granted ConnectFunnel", "a Data packet",
                            String.valueOf(s.end()));
                });
        return g;
    }

    /** ConnectFunnel naming UDP port 0, which must be refused; a server that closes instead leaves nothing to judge. */
    private static LinkMacToViewerReportDisconnectedFunnel refuse(CaseContext ctx, Handshake h) {
        h.client().send(LinkViewerToMacConnectFunnel.of(UDP_PORT_0));
        Outcome o = h.client().receive();
        if (!(o instanceof Outcome.Received r)) {
            throw ctx.skip("the target closed on a ConnectFunnel naming UDP port 0 rather than refuse it: "
                    + o.summary());
        }
        ctx.check(CONNECT_FUNNEL, MUST, r.message(LinkMacToViewerReportConnectedFunnel.class).isEmpty(),
                "a ConnectFunnel naming UDP port 0 is not granted", "ReportDisconnectedFunnel", r.summary());
        return r.message(LinkMacToViewerReportDisconnectedFunnel.class).orElseThrow(
                () -> new ExpectationFailure("LinkMacToViewerReportDisconnectedFunnel", o));
    }
}
