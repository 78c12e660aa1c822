package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;

/** MS-MMSP 2.2.4.18 LinkViewerToMacConnectFunnel: the socket the client wants its Data packets on. */
final class C2_2_4_18_ConnectFunnel {

    private C2_2_4_18_ConnectFunnel() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.18", "LinkViewerToMacConnectFunnel")
                .add(1, MUST, "ConnectFunnel's funnelMode is 0x00000002")
                .covers("R7")
                .until(ClientContext::streaming)
                .check(ctx -> judge(ctx, "funnelMode"))
                .add(2, MUST, "funnelName is \\\\<IPv4 or IPv6 address>\\TCP|UDP\\<port 1..65535>")
                .covers("R8", "R9")
                .until(ClientContext::streaming)
                .check(ctx -> judge(ctx, "funnelName"))
                .add(3, SHOULD, "ConnectFunnel's maxBlockBytes is 0xFFFFFFFF")
                .covers("R4")
                .until(ClientContext::streaming)
                .check(ctx -> judge(ctx, "maxBlockBytes"))
                .add(4, SHOULD, "ConnectFunnel's maxFunnelBytes is 0x00000000")
                .covers("R5")
                .until(ClientContext::streaming)
                .check(ctx -> judge(ctx, "maxFunnelBytes"))
                .add(5, SHOULD, "ConnectFunnel's maxBitRate is 0x00989680")
                .covers("R6")
                .until(ClientContext::streaming)
                .check(ctx -> judge(ctx, "maxBitRate"))
                .add(6, SHOULD, "ConnectFunnel's playIncarnation is 0x00000000")
                .covers("R2")
                .until(ClientContext::streaming)
                .check(ctx -> judge(ctx, "playIncarnation"));
    }

    /** Every client sends a ConnectFunnel (3.1.5.3, 3.1.5.4), so a missing one fails rather than skips. */
    private static void judge(ClientContext ctx, String field) {
        ctx.require(LinkViewerToMacConnectFunnel.class);
        ctx.judgeFields(field);
    }
}
