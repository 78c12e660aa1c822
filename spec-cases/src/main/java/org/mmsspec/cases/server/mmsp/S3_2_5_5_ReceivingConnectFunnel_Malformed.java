package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportDisconnectedFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;

/**
 * MS-MMSP 3.2.5.5 with bad input: funnelNames the server cannot act on. Here the spec names the reaction: a
 * ConnectFunnel not processed successfully gets ReportDisconnectedFunnel, and the server waits for another.
 */
final class S3_2_5_5_ReceivingConnectFunnel_Malformed {

    private static final String NO_TRANSPORT = "\\\\127.0.0.1\\SCTP\\1755";

    private S3_2_5_5_ReceivingConnectFunnel_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.5", "Receiving a LinkViewerToMacConnectFunnel Message");
        g.add(50, MUST, "ConnectFunnel naming no transport (\\\\127.0.0.1\\SCTP\\1755) gets ReportDisconnectedFunnel")
                .covers("R8").tags(NEGATIVE).run(ctx -> disconnected(ctx, NO_TRANSPORT));
        g.add(51, MUST, "ConnectFunnel asking for UDP port 70000, which no UDP port is, gets ReportDisconnectedFunnel")
                .covers("R8").tags(NEGATIVE).run(ctx -> disconnected(ctx, "\\\\127.0.0.1\\UDP\\70000"));
        g.add(52, MUST, "after ReportDisconnectedFunnel, a second ConnectFunnel naming TCP gets ReportConnectedFunnel")
                .covers("R10", "R7").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = disconnected(ctx, NO_TRANSPORT);
                    c.send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"));
                    c.expect(LinkMacToViewerReportConnectedFunnel.class);
                });
        return g;
    }

    /** After Connect and FunnelInfo, {@code funnelName} must get ReportDisconnectedFunnel with a failure hr. */
    private static MmstClient disconnected(CaseContext ctx, String funnelName) {
        MmstClient c = ctx.handshake().upTo(Stage.FUNNEL_INFO).client();
        c.send(LinkViewerToMacConnectFunnel.of(funnelName));
        var reply = c.expect(LinkMacToViewerReportDisconnectedFunnel.class);
        ctx.must(reply.hr() != 0, "ReportDisconnectedFunnel for \"" + funnelName + "\" has a failure hr, not 0");
        return c;
    }
}
