package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
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
        return g;
    }
}
