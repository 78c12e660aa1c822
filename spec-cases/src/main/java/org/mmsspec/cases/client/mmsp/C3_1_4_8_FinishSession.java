package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.server.ConnectionEvent.What;

/**
 * MS-MMSP 3.1.4.8 Request to Finish Streaming Session: once ReportEndOfStream hr 0 has ended the content, the client
 * ends the session with CloseFile and then closes its TCP connection.
 */
final class C3_1_4_8_FinishSession {

    private C3_1_4_8_FinishSession() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.4.8", "Request to Finish Streaming Session")
                .add(1, SHOULD, "after ReportEndOfStream hr 0 the client ends the session with CloseFile before it"
                        + " closes the TCP connection")
                .covers("R1", "R4")
                .erratum("MPlayer and libmms (xine, mediainfo) close the TCP connection without CloseFile, and a"
                        + " server deletes the session on a TCP close as well (3.2.7.1), so a missing CloseFile is"
                        + " a WARN; with the literal profile it is the MUST of 3.1.4.8.")
                .check(ctx -> {
                    ctx.requireMmst();
                    if (Handling.firstEvent(ctx, What.END_OF_STREAM).isEmpty()) {
                        ctx.skip("the content never ended (no ReportEndOfStream hr 0); the client sent "
                                + ctx.names());
                    }
                    if (!ctx.exit().byItself() && !Handling.allClosed(ctx, null)) {
                        ctx.skip("the client stayed connected after the end of the content; it sent " + ctx.names());
                    }
                    Level level = ctx.settings().profile() == Profile.LITERAL ? MUST : SHOULD;
                    ctx.check(ctx.clientCase().section(), level, ctx.hasSent(LinkViewerToMacCloseFile.class),
                            "the session ended without CloseFile; the client sent " + ctx.names(), null, null);
                })
                .add(2, MUST, "after CloseFile the client closes its TCP connection and sends nothing more")
                .covers("R5")
                .check(ctx -> {
                    ctx.requireMmst();
                    if (!ctx.hasSent(LinkViewerToMacCloseFile.class)) {
                        ctx.skip("the client sent no CloseFile (3.1.4.8-01 judges that); it sent " + ctx.names());
                    }
                    List<String> after = Handling.namesAfter(ctx, LinkViewerToMacCloseFile.class);
                    ctx.expect(after.isEmpty(), "the client went on after CloseFile: " + after);
                    boolean clientClosed = ctx.events().stream().anyMatch(e -> e.what() == What.CLOSED_BY_CLIENT);
                    boolean serverClosed = ctx.events().stream().anyMatch(e -> e.what() == What.CLOSED_BY_SERVER
                            && e.detail().equals("CloseFile"));
                    // the server closes on CloseFile too (3.2.5.17); either close ends the connection in time
                    ctx.expect(clientClosed || serverClosed || ctx.exit().byItself(), "the connection stayed open"
                            + " after CloseFile; " + ctx.exit().summary());
                });
    }
}
