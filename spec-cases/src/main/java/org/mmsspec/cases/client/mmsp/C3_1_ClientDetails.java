package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.mmsp.MmsServerSession;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Faults;

/**
 * MS-MMSP 3.1 Client Details, its error rule: an hr that names an error, a connection closed unexpectedly or a
 * malformed message is reported to the higher layer, and the client stops processing. The rule has no normative
 * keyword, so the index holds no statement of it; each case cites the section. The case's server goes on as if
 * nothing had happened, so that a client going on shows in what it sends next.
 */
final class C3_1_ClientDetails {

    /** NS_E_CONNECTION_FAILURE: an error hr any of the replies may carry. */
    private static final long FAILED = MmsServerSession.NS_E_CONNECTION_FAILURE;

    private C3_1_ClientDetails() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1", "Client Details")
                .add(1, MUST, "ReportConnectedEX with an error hr: the client stops; no FunnelInfo, ConnectFunnel"
                        + " or OpenFile follows")
                .server(b -> b.faults(Faults.NONE.withFieldOverride("LinkMacToViewerReportConnectedEX", "hr", FAILED)))
                .until(Handling::closedOrBoundOver)
                .check(ctx -> Handling.wentNoFurther(ctx, LinkViewerToMacConnect.class,
                        "ReportConnectedEX hr 0xC00D0029", "FunnelInfo", "ConnectFunnel", "OpenFile"))
                .add(2, MUST, "ReportConnectedFunnel with an error hr: the client stops; no OpenFile follows")
                .server(b -> b.faults(
                        Faults.NONE.withFieldOverride("LinkMacToViewerReportConnectedFunnel", "hr", FAILED)))
                .until(Handling::closedOrBoundOver)
                .check(ctx -> Handling.wentNoFurther(ctx, LinkViewerToMacConnectFunnel.class,
                        "ReportConnectedFunnel hr 0xC00D0029", "OpenFile", "ReadBlock"))
                .add(3, MUST, "ReportOpenFile with hr NS_E_FILE_NOT_FOUND (nothing is served at the URL's path):"
                        + " the client stops; no ReadBlock, StreamSwitch or StartPlaying follows")
                .server(b -> b.media(C3_1_5_7_Redirect.TARGET, AsfFile.sample()))
                .until(Handling::closedOrBoundOver)
                .check(ctx -> Handling.wentNoFurther(ctx, LinkViewerToMacOpenFile.class,
                        "ReportOpenFile hr 0xC00D001A", "ReadBlock", "StreamSwitch", "StartPlaying"))
                .add(4, MUST, "ReportReadBlock with an error hr (the header follows all the same): the client stops;"
                        + " no StreamSwitch or StartPlaying follows")
                .server(b -> b.faults(Faults.NONE.withFieldOverride("LinkMacToViewerReportReadBlock", "hr", FAILED)))
                .until(Handling::closedOrBoundOver)
                .check(ctx -> Handling.wentNoFurther(ctx, LinkViewerToMacReadBlock.class,
                        "ReportReadBlock hr 0xC00D0029", "StreamSwitch", "StartPlaying", "StartStriding"))
                .add(5, SHOULD, "ReportStartedPlaying with an error hr (Data packets follow all the same, at the"
                        + " content's pace): the client stops instead of playing on to the end")
                .server(b -> b.pacing(Pacing.REALTIME)
                        .faults(Faults.NONE.withFieldOverride("LinkMacToViewerReportStartedPlaying", "hr", FAILED)))
                .check(ctx -> {
                    ctx.require(LinkViewerToMacStartPlaying.class);
                    ctx.expect(Handling.clientLeftBefore(ctx, What.END_OF_STREAM) || ctx.exit().byItself()
                            && Handling.firstEvent(ctx, What.END_OF_STREAM).isEmpty(), "after ReportStartedPlaying"
                            + " hr 0xC00D0029 the client stayed to the end of the content; it sent " + ctx.names());
                })
                .add(6, SHOULD, "ReportOpenFile with an error hr: the client closes the connection or exits within"
                        + " 3 s instead of hanging on")
                .server(b -> b.media(C3_1_5_7_Redirect.TARGET, AsfFile.sample()))
                .until(Handling::closedOrBoundOver)
                .check(Handling::stoppedWithinBound)
                .add(7, SHOULD, "the server closes the connection halfway through ReportOpenFile: the client stops"
                        + " within 3 s (no crash, no hanging on)")
                .server(b -> b.faults(Faults.NONE.withCloseMidMessage("LinkMacToViewerReportOpenFile")))
                .until(Handling::boundOver)
                .check(ctx -> {
                    ctx.requireMmst();
                    ctx.expect(Handling.exitedWithinBound(ctx), "the client did not exit within "
                            + Handling.STOP_BOUND.toSeconds() + " s of the server's close; " + ctx.exit().summary());
                })
                .add(8, SHOULD, "16 bytes of garbage after ReportOpenFile (neither a TcpMessageHeader nor a valid"
                        + " Data packet): the client treats it as an error and does not go on to streaming")
                .covers("MMSP-3.1.5.2-R5", "MMSP-3.1.5.2-R8")
                .server(b -> b.faults(Faults.NONE.withGarbageAfter("LinkMacToViewerReportOpenFile")))
                .until(ctx -> ctx.streaming() || Handling.closedOrBoundOver(ctx))
                .check(ctx -> {
                    ctx.require(LinkViewerToMacOpenFile.class);
                    ctx.expect(!ctx.streaming(), "the client read past the garbage and went on to streaming; it sent "
                            + ctx.names());
                });
    }
}
