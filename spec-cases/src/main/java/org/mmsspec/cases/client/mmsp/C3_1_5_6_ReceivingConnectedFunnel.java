package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.Optional;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.MmsMessage;

/** MS-MMSP 3.1.5.6 Receiving ReportConnectedFunnel: the OpenFile that follows, and the wait after it. */
final class C3_1_5_6_ReceivingConnectedFunnel {

    private C3_1_5_6_ReceivingConnectedFunnel() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.6", "Receiving a LinkMacToViewerReportConnectedFunnel Message")
                .add(1, MUST, "the client answers ReportConnectedFunnel with LinkViewerToMacOpenFile")
                .covers("R3")
                .until(ctx -> ctx.hasSent(LinkViewerToMacOpenFile.class))
                .check(ctx -> {
                    ctx.require(LinkViewerToMacConnectFunnel.class);
                    Optional<MmsMessage> next = Sends.after(ctx, LinkViewerToMacConnectFunnel.class);
                    ctx.expect(next.isPresent() && next.get() instanceof LinkViewerToMacOpenFile,
                            "after ConnectFunnel the client sent " + next.map(m -> m.type().name()).orElse("nothing"));
                })
                .add(2, MUST, "OpenFile's fileName is the path of the URL (sample.asf)")
                .covers("R6")
                .until(ctx -> ctx.hasSent(LinkViewerToMacOpenFile.class))
                .check(ctx -> C2_2_4_21_OpenFile.expectPath(ctx, "sample.asf"))
                .add(3, MUST, "the client sends no ReadBlock while ReportOpenFile is still to come")
                .covers("R8")
                .server(b -> Sends.withholding(b, "LinkMacToViewerReportOpenFile"))
                .until(Sends.sentOrWaited(LinkViewerToMacReadBlock.class))
                .check(ctx -> {
                    ctx.require(LinkViewerToMacOpenFile.class);
                    ctx.expect(!ctx.hasSent(LinkViewerToMacReadBlock.class), "ReadBlock went out though the server"
                            + " never answered OpenFile: " + ctx.names());
                });
    }
}
