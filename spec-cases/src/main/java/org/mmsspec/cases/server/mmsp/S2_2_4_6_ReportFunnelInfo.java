package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;

/** MS-MMSP 2.2.4.6: the fields of LinkMacToViewerReportFunnelInfo, the reply to FunnelInfo. */
final class S2_2_4_6_ReportFunnelInfo {

    private static final String REPLY = "LinkMacToViewerReportFunnelInfo";

    private S2_2_4_6_ReportFunnelInfo() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.6", REPLY);
        g.add(1, MUST, "FunnelInfo is answered by a message with MID 0x00040015").covers("R1")
                .run(ReplySteps::funnelInfo);
        g.add(2, MUST, "playIncarnation is 0xF0F0F0EF, 0xF0F0F0F0, 0xF0F0F0F1 or 0xF0F0F901, also when a pair is asked")
                .covers("R2").run(ctx -> {
                    for (Outcome.Received r : ReplySteps.funnelInfo(ctx.mmst(), ReplySteps.PACKET_PAIR,
                            ReplySteps.TCP_PAIR)) {
                        long inc = ReplySteps.funnel(r).playIncarnation();
                        ctx.must(inc == ReplySteps.NO_PACKET_PAIR || inc == ReplySteps.PACKET_PAIR
                                || inc == ReplySteps.TCP_PAIR || inc == ReplySteps.UDP_PAIR,
                                "playIncarnation of " + REPLY + " is none of the four values: 0x"
                                        + Long.toHexString(inc));
                    }
                });
        ReplySteps.field(g, 3, MUST, "R3", REPLY, "transportMask", 8, ReplySteps::funnelInfo,
                LinkMacToViewerReportFunnelInfo::transportMask);
        ReplySteps.field(g, 4, MUST, "R4", REPLY, "nBlockFragments", 1, ReplySteps::funnelInfo,
                LinkMacToViewerReportFunnelInfo::nBlockFragments);
        ReplySteps.field(g, 5, MUST, "R5", REPLY, "fragmentBytes", 0x10000, ReplySteps::funnelInfo,
                LinkMacToViewerReportFunnelInfo::fragmentBytes);
        ReplySteps.field(g, 6, MUST, "R7", REPLY, "failedCubs", 0, ReplySteps::funnelInfo,
                LinkMacToViewerReportFunnelInfo::failedCubs);
        ReplySteps.field(g, 7, MUST, "R8", REPLY, "nDisks", 1, ReplySteps::funnelInfo,
                LinkMacToViewerReportFunnelInfo::nDisks);
        ReplySteps.field(g, 8, MUST, "R9", REPLY, "decluster", 0, ReplySteps::funnelInfo,
                LinkMacToViewerReportFunnelInfo::decluster);
        ReplySteps.field(g, 9, MUST, "R10", REPLY, "cubddDatagramSize", 0, ReplySteps::funnelInfo,
                LinkMacToViewerReportFunnelInfo::cubddDatagramSize);
        g.add(10, MUST, "Without packet-pair (0xF0F0F0EF asked) no packet-pair bytes follow the fixed fields")
                .covers("R11").run(ctx -> {
                    var r = ReplySteps.funnelInfo(ctx);
                    ctx.must(LinkMacToViewerReportFunnelInfo.carriesPacketPair(r.playIncarnation())
                            || r.packetPairPacket().length() == 0, String.format(
                                    "%s with playIncarnation 0x%X carries %d packet-pair bytes", REPLY,
                                    r.playIncarnation(), r.packetPairPacket().length()));
                });
        return g;
    }
}
