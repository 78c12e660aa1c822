package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;

/** MS-MMSP 2.2.4.3: the fields of LinkMacToViewerReportConnectedFunnel, the reply to a ConnectFunnel that succeeds. */
final class S2_2_4_3_ReportConnectedFunnel {

    private static final String REPLY = "LinkMacToViewerReportConnectedFunnel";

    private S2_2_4_3_ReportConnectedFunnel() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.3", REPLY);
        g.add(1, MUST, "ConnectFunnel over TCP is answered by a message with MID 0x00040002").covers("R1")
                .run(S2_2_4_3_ReportConnectedFunnel::connectedFunnel);
        ReplySteps.field(g, 2, MUST, "R2", REPLY, "hr", 0, S2_2_4_3_ReportConnectedFunnel::connectedFunnel,
                LinkMacToViewerReportConnectedFunnel::hr);
        ReplySteps.field(g, 3, SHOULD, "R3", REPLY, "playIncarnation", 0,
                S2_2_4_3_ReportConnectedFunnel::connectedFunnel, LinkMacToViewerReportConnectedFunnel::playIncarnation);
        ReplySteps.field(g, 4, SHOULD, "R5", REPLY, "packetPayloadSize", 0,
                S2_2_4_3_ReportConnectedFunnel::connectedFunnel,
                LinkMacToViewerReportConnectedFunnel::packetPayloadSize);
        g.add(5, MUST, REPLY + ".funnelName is \"Funnel Of The Gods\"").covers("R7")
                .erratum("WMS on Windows 2000 sends \"Funnel Of The \" (<8>); no client reads the name, the case "
                        + "follows the spec")
                .run(ctx -> ctx.mustEqual("funnelName of " + REPLY, LinkMacToViewerReportConnectedFunnel.FUNNEL_NAME,
                        connectedFunnel(ctx).funnelName()));
        return g;
    }

    /** Connect, FunnelInfo, then ConnectFunnel naming TCP: the reply. */
    static LinkMacToViewerReportConnectedFunnel connectedFunnel(CaseContext ctx) {
        var c = ctx.handshake().upTo(Stage.FUNNEL_INFO).client();
        c.send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"));
        return c.expect(LinkMacToViewerReportConnectedFunnel.class);
    }
}
