package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.mmsp.ReplySteps.NO_PACKET_PAIR;
import static org.mmsspec.cases.server.mmsp.ReplySteps.PACKET_PAIR;
import static org.mmsspec.cases.server.mmsp.ReplySteps.TCP_PAIR;
import static org.mmsspec.cases.server.mmsp.ReplySteps.UDP_PAIR;
import static org.mmsspec.cases.server.mmsp.ReplySteps.funnel;
import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;

/**
 * MS-MMSP 3.2.5.4: what a server answers to FunnelInfo, and the TCP packet-pair experiment: three ReportFunnelInfo
 * whose whole packets are 512, 512 and 1,056 bytes of fresh random fill. The pair cases ask for it in Connect
 * (0xF0F0F0F0) and FunnelInfo (0xF0F0F0F1) and bind only a server that grants it.
 */
final class S3_2_5_4_ReceivingFunnelInfo {

    /** Whole TcpMessageHeader packets of the three ReportFunnelInfo. */
    private static final int[] PAIR_PACKETS = {512, 512, 1056};
    /** Random fill of a few hundred bytes shows far more distinct byte values; a pattern or zeros show few. */
    private static final int MIN_DISTINCT_BYTES = 64;

    private S3_2_5_4_ReceivingFunnelInfo() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.4", "Receiving a LinkViewerToMacFunnelInfo Message");
        g.add(1, MUST, "FunnelInfo asking for TCP packet-pair (0xF0F0F0F1) is answered with ReportFunnelInfo")
                .covers("R3").run(ctx -> ReplySteps.funnelInfo(ctx.mmst(), NO_PACKET_PAIR, TCP_PAIR));
        g.add(2, MUST, "FunnelInfo without packet-pair (0xF0F0F0EF) gets playIncarnation 0xF0F0F0EF").covers("R8")
                .run(ctx -> ctx.mustEqual("playIncarnation of ReportFunnelInfo", NO_PACKET_PAIR,
                        ReplySteps.funnelInfo(ctx).playIncarnation()));
        g.add(3, SHOULD, "The 0xF0F0F0EF answer has an empty packet-pair field").covers("R9").run(ctx -> {
            var r = ReplySteps.funnelInfo(ctx);
            ctx.should(r.playIncarnation() != NO_PACKET_PAIR || r.packetPairPacket().length() == 0,
                    "ReportFunnelInfo 0xF0F0F0EF carries " + r.packetPairPacket().length() + " packet-pair bytes");
        });
        g.add(4, SHOULD, "A server that granted packet-pair answers FunnelInfo 0xF0F0F0F1 with 0xF0F0F0F1")
                .covers("R5").run(ctx -> {
                    long inc = granted(ctx, TCP_PAIR);
                    ctx.shouldEqual("playIncarnation of ReportFunnelInfo for TCP packet-pair", TCP_PAIR, inc);
                });
        g.add(5, MUST, "TCP packet-pair: the first ReportFunnelInfo packet is 512 bytes").covers("R12")
                .run(ctx -> sizeOf(ctx, 0));
        g.add(6, MUST, "TCP packet-pair: a second and a third ReportFunnelInfo follow the first").covers("R13")
                .run(ctx -> {
                    int n = ReplySteps.funnels(ReplySteps.tcpPair(ctx)).size();
                    ctx.mustEqual("ReportFunnelInfo messages for TCP packet-pair", 3, n);
                });
        g.add(7, MUST, "TCP packet-pair: the second and third ReportFunnelInfo match the first but for the pair bytes")
                .covers("R14").run(ctx -> {
                    List<LinkMacToViewerReportFunnelInfo> three = three(ctx);
                    var first = withoutPair(three.get(0));
                    for (int i = 1; i < three.size(); i++) {
                        ctx.mustEqual("ReportFunnelInfo " + (i + 1) + " but for its pair bytes", first,
                                withoutPair(three.get(i)));
                    }
                });
        g.add(8, MUST, "TCP packet-pair: the second and third carry fresh random bytes, not the first's")
                .covers("R15").run(ctx -> {
                    List<LinkMacToViewerReportFunnelInfo> three = three(ctx);
                    byte[] first = three.get(0).packetPairPacket().toArray();
                    for (int i = 1; i < three.size(); i++) {
                        byte[] b = three.get(i).packetPairPacket().toArray();
                        int n = Math.min(first.length, b.length);
                        ctx.must(!Arrays.equals(b, 0, n, first, 0, n),
                                "ReportFunnelInfo " + (i + 1) + " repeats the pair bytes of the first");
                    }
                });
        g.add(9, MUST, "TCP packet-pair: the third ReportFunnelInfo packet is 1,056 bytes").covers("R16")
                .run(ctx -> sizeOf(ctx, 2));
        g.add(10, MUST, "TCP packet-pair: the pair bytes are random, high-entropy fill").covers("R11").run(ctx -> {
            for (var r : ReplySteps.funnels(ReplySteps.tcpPair(ctx))) {
                byte[] b = r.packetPairPacket().toArray();
                long distinct = IntStream.range(0, b.length).map(i -> b[i]).distinct().count();
                ctx.must(distinct >= Math.min(MIN_DISTINCT_BYTES, b.length / 4), String.format(
                        "%d pair bytes hold only %d distinct byte values: no random fill", b.length, distinct));
            }
        });
        g.add(11, MUST, "After the three ReportFunnelInfo, ConnectFunnel is answered with ReportConnectedFunnel")
                .covers("R17").run(ctx -> {
                    MmstClient c = ctx.mmst();
                    List<Outcome.Received> replies = ReplySteps.funnelInfo(c, PACKET_PAIR, TCP_PAIR);
                    if (funnel(replies.get(0)).playIncarnation() != TCP_PAIR) {
                        ctx.skip("the server does no TCP packet-pair");
                    }
                    c.send(LinkViewerToMacConnectFunnel.of(S3_2_5_5_ReceivingConnectFunnel.TCP_FUNNEL));
                    c.expect(LinkMacToViewerReportConnectedFunnel.class);
                });
        g.add(12, SHOULD, "A server that granted packet-pair answers FunnelInfo 0xF0F0F901 with 0xF0F0F901")
                .covers("R6").run(ctx -> {
                    long inc = granted(ctx, UDP_PAIR);
                    ctx.shouldEqual("playIncarnation of ReportFunnelInfo for UDP packet-pair", UDP_PAIR, inc);
                });
        g.add(13, SHOULD, "The 0xF0F0F901 answer has an empty packet-pair field").covers("R7").run(ctx -> {
            var r = funnel(ReplySteps.funnelInfo(ctx.mmst(), PACKET_PAIR, UDP_PAIR).get(0));
            ctx.should(r.playIncarnation() != UDP_PAIR || r.packetPairPacket().length() == 0,
                    "ReportFunnelInfo 0xF0F0F901 carries " + r.packetPairPacket().length() + " packet-pair bytes");
        });
        return g;
    }

    /**
     * playIncarnation of the first ReportFunnelInfo to {@code funnelInc}, asked after a Connect for packet-pair; a
     * server that declined packet-pair in ReportConnectedEX is skipped, as it may not offer it here either.
     */
    private static long granted(CaseContext ctx, long funnelInc) {
        MmstClient c = ctx.mmst();
        if (ReplySteps.connect(c, PACKET_PAIR).playIncarnation() != PACKET_PAIR) {
            ctx.skip("the server declined packet-pair in ReportConnectedEX");
        }
        c.send(new LinkViewerToMacFunnelInfo(funnelInc));
        return c.expect(LinkMacToViewerReportFunnelInfo.class).playIncarnation();
    }

    /** The three ReportFunnelInfo of TCP packet-pair; fewer is a broken rule of its own (case 6). */
    private static List<LinkMacToViewerReportFunnelInfo> three(CaseContext ctx) {
        List<LinkMacToViewerReportFunnelInfo> r = ReplySteps.funnels(ReplySteps.tcpPair(ctx));
        ctx.must(r.size() == 3, "TCP packet-pair gave " + r.size() + " ReportFunnelInfo, not 3");
        return r;
    }

    private static void sizeOf(CaseContext ctx, int index) {
        List<Outcome.Received> r = ReplySteps.tcpPair(ctx);
        ctx.must(r.size() > index, "TCP packet-pair gave " + r.size() + " ReportFunnelInfo");
        ctx.mustEqual("bytes of TcpMessageHeader packet " + (index + 1) + " of TCP packet-pair", PAIR_PACKETS[index],
                r.get(index).entry().raw().length());
    }

    private static LinkMacToViewerReportFunnelInfo withoutPair(LinkMacToViewerReportFunnelInfo r) {
        return new LinkMacToViewerReportFunnelInfo(r.hr(), r.playIncarnation(), r.transportMask(), r.nBlockFragments(),
                r.fragmentBytes(), r.nCubs(), r.failedCubs(), r.nDisks(), r.decluster(), r.cubddDatagramSize(),
                Bytes.EMPTY);
    }
}
