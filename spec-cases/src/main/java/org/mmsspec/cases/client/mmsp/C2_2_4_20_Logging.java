package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.server.ConnectionEvent.What;

/** MS-MMSP 2.2.4.20 LinkViewerToMacLogging: the statistics a client reports when a stream ends. */
final class C2_2_4_20_Logging {

    private C2_2_4_20_Logging() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.20", "LinkViewerToMacLogging")
                .add(1, MUST, "a Logging message carries a CLIENT_LOG laid out as 2.2.1.1 and 2.2.1.2 say")
                .covers("MMSP-2.2.1-R1", "MMSP-2.2.1-R2", "MMSP-2.2.1.1-R11", "MMSP-2.2.1.1-R13")
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacLogging.class);
                    ctx.judge(Sends.violations(ctx, "2.2.1"));
                    ctx.judge(Sends.violations(ctx, "2.2.4.20"));
                })
                .add(2, MUST, "the CLIENT_LOG's dwSourceId is the openFileId the server chose (7)")
                .covers("MMSP-2.2.1.1-R1", "MMSP-3.1.5.18-R5")
                .server(Sends::fileId7)
                .check(ctx -> ctx.expectEqual("dwSourceId (ReportOpenFile gave 7)", Sends.FILE_ID,
                        Sends.sentOrSkip(ctx, LinkViewerToMacLogging.class).log().dwSourceId()))
                .add(3, MUST, "the client answers an end of stream it did not ask for with a Logging message")
                .covers("MMSP-3.1.5.18-R4")
                .check(ctx -> {
                    ctx.requireMmst();
                    if (ctx.events().stream().noneMatch(e -> e.what() == What.END_OF_STREAM)) {
                        ctx.skip("the stream did not reach its end while the client was connected");
                    }
                    if (ctx.hasSent(LinkViewerToMacStopPlaying.class)) {
                        ctx.skip("the client stopped the stream itself");
                    }
                    ctx.expect(ctx.hasSent(LinkViewerToMacLogging.class), "the server sent ReportEndOfStream hr 0;"
                            + " the client sent no Logging: " + ctx.names());
                });
    }
}
