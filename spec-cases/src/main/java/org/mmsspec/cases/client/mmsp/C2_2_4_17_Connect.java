package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

/** MS-MMSP 2.2.4.17 LinkViewerToMacConnect: what the client says first. */
final class C2_2_4_17_Connect {

    private C2_2_4_17_Connect() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.17", "LinkViewerToMacConnect")
                .add(1, MUST, "the first message on an MMST connection is LinkViewerToMacConnect")
                .check(ctx -> {
                    ctx.requireMmst();
                    ctx.expectEqual("first message", "Connect", ctx.names().get(0));
                })
                .add(2, MUST, "Connect carries MacToViewerProtocolRevision 0x0004000B and ViewerToMac 0x0003001C")
                .covers("R3", "R4")
                .check(ctx -> {
                    LinkViewerToMacConnect c = ctx.require(LinkViewerToMacConnect.class);
                    ctx.expectEqual("MacToViewerProtocolRevision", 0x0004000BL, c.MacToViewerProtocolRevision());
                    ctx.expectEqual("ViewerToMacProtocolRevision", 0x0003001CL, c.ViewerToMacProtocolRevision());
                })
                .add(3, SHOULD, "Connect's playIncarnation is 0xF0F0F0EF or 0xF0F0F0F0 (packet-pair or not)")
                .covers("R2")
                .erratum("Every open-source client sends 0 here (FFmpeg, VLC, MPlayer, libmms); the spec's two"
                        + " values tell the server whether packet-pair is wanted, so 0 is a WARN, not a FAIL.")
                .check(ctx -> {
                    long p = ctx.require(LinkViewerToMacConnect.class).playIncarnation();
                    ctx.should(p == 0xF0F0F0EFL || p == 0xF0F0F0F0L,
                            String.format("playIncarnation is 0x%08X, neither 0xF0F0F0EF nor 0xF0F0F0F0", p));
                });
    }
}
