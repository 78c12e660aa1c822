package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;

/** MS-MMSP 2.2.4.19 LinkViewerToMacFunnelInfo: the packet-pair choice, when the client sends it. */
final class C2_2_4_19_FunnelInfo {

    private C2_2_4_19_FunnelInfo() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.19", "LinkViewerToMacFunnelInfo")
                .add(1, MUST, "FunnelInfo's playIncarnation is 0xF0F0F0EF, 0xF0F0F0F0, 0xF0F0F0F1 or 0xF0F0F901")
                .covers("R2")
                .until(ClientContext::streaming)
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacFunnelInfo.class);
                    ctx.judgeFields("playIncarnation");
                });
    }
}
