package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.Optional;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.MmsMessage;

/** MS-MMSP 3.1.5.3 Receiving ReportConnectedEX: what the client sends next, and when. */
final class C3_1_5_3_ReceivingConnectedEX {

    private C3_1_5_3_ReceivingConnectedEX() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.3", "Receiving a LinkMacToViewerReportConnectedEX Message")
                .add(1, SHOULD, "the client answers ReportConnectedEX with LinkViewerToMacFunnelInfo")
                .covers("R6")
                .until(ClientContext::streaming)
                .check(ctx -> {
                    Optional<MmsMessage> next = next(ctx);
                    ctx.expect(next.isPresent() && next.get() instanceof LinkViewerToMacFunnelInfo,
                            "after Connect the client sent " + next.map(m -> m.type().name()).orElse("nothing"));
                })
                .add(2, MUST, "after ReportConnectedEX the client sends FunnelInfo or ConnectFunnel, nothing else")
                .covers("R12")
                .until(ClientContext::streaming)
                .check(ctx -> {
                    Optional<MmsMessage> next = next(ctx);
                    ctx.expect(next.isEmpty() || next.get() instanceof LinkViewerToMacFunnelInfo
                            || next.get() instanceof LinkViewerToMacConnectFunnel,
                            "after Connect the client sent " + next.map(m -> m.type().name()).orElse("nothing"));
                })
                .add(3, MUST, "with packet-pair not granted, FunnelInfo's playIncarnation is 0xF0F0F0EF")
                .covers("R13")
                .server(b -> b.packetPair(false))
                .until(ClientContext::streaming)
                .check(ctx -> {
                    long p = Sends.sentOrSkip(ctx, LinkViewerToMacFunnelInfo.class).playIncarnation();
                    ctx.expectEqual("FunnelInfo playIncarnation (ReportConnectedEX had 0xF0F0F0EF)", 0xF0F0F0EFL, p);
                })
                .add(4, MUST, "for an mmst:// URL (Data over TCP) funnelName's proto is TCP")
                .covers("R8", "MMSP-3.1.5.4-R11")
                .until(ClientContext::streaming)
                .check(ctx -> {
                    LinkViewerToMacConnectFunnel f = ctx.require(LinkViewerToMacConnectFunnel.class);
                    if (ctx.url().scheme() != Scheme.MMST) {
                        ctx.skip("the URL was " + ctx.url().scheme().prefix() + "://: the client chose the transport");
                    }
                    ctx.expect(f.funnelName().contains("\\TCP\\"), "funnelName \"" + f.funnelName() + "\"");
                })
                .add(5, MUST, "the client sends no OpenFile while ReportConnectedFunnel is still to come")
                .covers("R11", "MMSP-3.1.5.4-R14")
                .server(b -> Sends.withholding(b, "LinkMacToViewerReportConnectedFunnel"))
                .until(Sends.sentOrWaited(LinkViewerToMacOpenFile.class))
                .check(ctx -> {
                    ctx.require(LinkViewerToMacConnectFunnel.class);
                    ctx.expect(!ctx.hasSent(LinkViewerToMacOpenFile.class), "OpenFile went out though the server"
                            + " never answered ConnectFunnel: " + ctx.names());
                })
                .add(6, MUST, "after FunnelInfo the client sends no ConnectFunnel while ReportFunnelInfo is to come")
                .covers("R15")
                .server(b -> Sends.withholding(b, "LinkMacToViewerReportFunnelInfo"))
                .until(Sends.sentOrWaited(LinkViewerToMacConnectFunnel.class))
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacFunnelInfo.class);
                    ctx.expect(!ctx.hasSent(LinkViewerToMacConnectFunnel.class), "ConnectFunnel went out though"
                            + " the server never answered FunnelInfo: " + ctx.names());
                });
    }

    private static Optional<MmsMessage> next(ClientContext ctx) {
        ctx.require(LinkViewerToMacConnect.class);
        return Sends.after(ctx, LinkViewerToMacConnect.class);
    }
}
