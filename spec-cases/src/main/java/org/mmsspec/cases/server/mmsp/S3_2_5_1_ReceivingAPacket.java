package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;

/** MS-MMSP 3.2.5.1 with well-formed input: a command packet carrying more than one message. */
final class S3_2_5_1_ReceivingAPacket {

    private S3_2_5_1_ReceivingAPacket() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.1", "Receiving a Packet");
        g.add(1, MUST, "after Connect, FunnelInfo and ConnectFunnel in one command packet are both answered")
                .covers("R3").run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    // 2.2.3 lets one TcpMessageHeader carry several messages; they are handled in order
                    c.send(MalformedInput.funnelInfo(), LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"));
                    c.expect(LinkMacToViewerReportFunnelInfo.class);
                    c.expect(LinkMacToViewerReportConnectedFunnel.class);
                });
        return g;
    }
}
