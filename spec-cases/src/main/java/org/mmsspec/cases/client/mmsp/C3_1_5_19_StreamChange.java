package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;

/**
 * MS-MMSP 3.1.5.19 Receiving a LinkMacToViewerReportStreamChange Message: over TCP the next entry's header follows on
 * the connection by itself; over UDP the client asks for it with a ReadBlock.
 */
final class C3_1_5_19_StreamChange {

    private C3_1_5_19_StreamChange() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.19", "Receiving a LinkMacToViewerReportStreamChange Message")
                .add(1, MUST, "over TCP, after ReportStreamChange the client takes the next entry's header from"
                        + " the TCP connection (no ReadBlock) and plays that entry to its end, paced")
                .covers("R3", "MMSP-3.1.5.12-R1")
                .server(b -> b.pacing(Pacing.REALTIME).serverVersion(C3_1_5_18_EndOfStream.WMS9)
                        .media("sample.asf", AsfFile.sample(), AsfFile.sample()))
                .check(ctx -> {
                    Handling.playedToTheEnd(ctx);
                    ctx.expectEqual("ReadBlock messages on the streaming connection (the first header's only)", 1L,
                            Handling.onStreamingConnections(ctx, LinkViewerToMacReadBlock.class));
                })
                .add(2, MUST, "over UDP, the client answers ReportStreamChange with a new ReadBlock for the next"
                        + " entry's header")
                .covers("R4", "MMSP-3.1.5.9.1-R4")
                .schemes(Scheme.MMSU)
                .server(b -> b.serverVersion(C3_1_5_18_EndOfStream.WMS9)
                        .media("sample.asf", AsfFile.sample(), AsfFile.sample()))
                .until(ctx -> ctx.all(LinkViewerToMacReadBlock.class).size() > 1 || ctx.sessionOver())
                .check(ctx -> {
                    ctx.require(LinkViewerToMacReadBlock.class);
                    if (!ctx.streaming()) {
                        ctx.skip("the client never reached streaming over UDP; it sent " + ctx.names());
                    }
                    ctx.expect(ctx.all(LinkViewerToMacReadBlock.class).size() > 1, "after ReportStreamChange the"
                            + " client sent no ReadBlock for the next entry's header; it sent " + ctx.names());
                });
    }
}
