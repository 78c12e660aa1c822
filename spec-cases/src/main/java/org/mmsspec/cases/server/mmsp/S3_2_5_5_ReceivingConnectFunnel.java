package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;

/** MS-MMSP 3.2.5.5: what a server answers to a ConnectFunnel naming TCP, and what it awaits next. */
final class S3_2_5_5_ReceivingConnectFunnel {

    /** A TCP funnel as the usual clients name it: a made-up address, which the server is to disregard. */
    static final String TCP_FUNNEL = "\\\\192.168.0.129\\TCP\\1037";

    private S3_2_5_5_ReceivingConnectFunnel() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.5", "Receiving a LinkViewerToMacConnectFunnel Message");
        g.add(1, MUST, "ConnectFunnel naming TCP at a made-up address, as FFmpeg sends it, gets ReportConnectedFunnel")
                .covers("R7").run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FUNNEL_INFO).client();
                    c.send(LinkViewerToMacConnectFunnel.of(TCP_FUNNEL));
                    c.expect(LinkMacToViewerReportConnectedFunnel.class);
                });
        g.add(2, MUST, "After ReportConnectedFunnel, OpenFile of the media is answered with ReportOpenFile hr 0")
                .covers("R9").run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FUNNEL_CONNECTED).client();
                    c.send(LinkViewerToMacOpenFile.of(1, ctx.target().media(), Bytes.EMPTY));
                    ctx.mustEqual("hr of ReportOpenFile", 0L, c.expect(LinkMacToViewerReportOpenFile.class).hr());
                });
        return g;
    }
}
