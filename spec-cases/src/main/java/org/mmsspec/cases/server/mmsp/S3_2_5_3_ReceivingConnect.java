package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.Target;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

/** MS-MMSP 3.2.5.3: what a server does with LinkViewerToMacConnect. */
final class S3_2_5_3_ReceivingConnect {

    private static final long PACKET_PAIR = LinkViewerToMacConnect.MMS_USE_PACKET_PAIR;
    private static final long NO_PACKET_PAIR = LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR;

    private S3_2_5_3_ReceivingConnect() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.3", "Receiving a LinkViewerToMacConnect Message");
        g.add(1, MUST, "Connect is answered with ReportConnectedEX, hr 0").covers("R6").run(ctx -> {
            MmstClient c = ctx.mmst();
            c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
            var reply = c.expect(LinkMacToViewerReportConnectedEX.class);
            ctx.mustEqual("hr of ReportConnectedEX", 0L, reply.hr());
        });
        g.add(2, MUST, "Connect without packet-pair gets playIncarnation 0xF0F0F0EF").covers("R8").run(ctx -> {
            MmstClient c = ctx.mmst();
            c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
            var reply = c.expect(LinkMacToViewerReportConnectedEX.class);
            ctx.mustEqual("playIncarnation of ReportConnectedEX", NO_PACKET_PAIR, reply.playIncarnation());
        });
        g.add(3, SHOULD, "Connect asking for packet-pair gets playIncarnation 0xF0F0F0F0 from a server that offers it")
                .covers("R7", "R8").run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(new LinkViewerToMacConnect(PACKET_PAIR, LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                            LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, MmstClient.NSPLAYER, "", ""));
                    var reply = c.expect(LinkMacToViewerReportConnectedEX.class);
                    ctx.must(reply.playIncarnation() == PACKET_PAIR || reply.playIncarnation() == NO_PACKET_PAIR,
                            "playIncarnation of ReportConnectedEX is 0xF0F0F0F0 or 0xF0F0F0EF, not "
                                    + Long.toHexString(reply.playIncarnation()));
                    ctx.shouldEqual("playIncarnation when packet-pair is asked for", PACKET_PAIR,
                            reply.playIncarnation());
                });
        g.add(4, MUST, "A server that challenges names BASIC or NTLM in AuthenPackage of ReportConnectedEX")
                .covers("R9", "MMSP-2.2.4.2-R23").tags(ServerCase.AUTH).run(ctx -> {
                    Target.Endpoint e = ctx.requireAuth().endpoint();
                    String a = ReplySteps.connect(ctx.mmst(e.host(), e.port()), NO_PACKET_PAIR).AuthenPackage();
                    ctx.must(a.equals("BASIC") || a.equals("NTLM"), "AuthenPackage of a server that asks for "
                            + "credentials is \"" + a + "\", not BASIC or NTLM");
                });
        g.add(5, MUST, "ConnectFunnel straight after ReportConnectedEX, without FunnelInfo, gets ReportConnectedFunnel")
                .covers("R10").run(ctx -> {
                    MmstClient c = ctx.mmst();
                    ReplySteps.connect(c, NO_PACKET_PAIR);
                    c.send(LinkViewerToMacConnectFunnel.of(S3_2_5_5_ReceivingConnectFunnel.TCP_FUNNEL));
                    c.expect(LinkMacToViewerReportConnectedFunnel.class);
                });
        return g;
    }
}
