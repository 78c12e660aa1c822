package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Faults;

/**
 * MS-MMSP 3.1.5.18 Receiving a LinkMacToViewerReportEndOfStream Message: hr 1 from a WMS 9 server (or 0 from an older
 * one, playlist entries following) leaves the client STREAMING, waiting for ReportStreamChange.
 */
final class C3_1_5_18_EndOfStream {

    /** How long the case's server holds ReportStreamChange back after ReportEndOfStream hr 1. */
    private static final Duration CHANGE_DELAY = Duration.ofSeconds(3);

    /** A version 9 server: its hr 1 means "an entry follows" (an older server's hr 1 would end the stream). */
    static final String WMS9 = "9.1.1.3862";

    private C3_1_5_18_EndOfStream() {
    }

    /** The server's log line as ReportEndOfStream hr 1 went out (a playlist entry follows). */
    static Optional<ConnectionEvent> hr1(ClientContext ctx) {
        return ctx.events().stream().filter(e -> e.what() == What.STREAMING && e.detail().contains("hr 1"))
                .findFirst();
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.18", "Receiving a LinkMacToViewerReportEndOfStream Message")
                .add(1, MUST, "ReportEndOfStream hr 1 from a version 9 server is not the end: the client stays"
                        + " connected, waiting for ReportStreamChange (which the server holds back 3 s)")
                .covers("R12")
                .server(b -> b.pacing(Pacing.REALTIME).serverVersion(WMS9)
                        .media("sample.asf", AsfFile.sample(), AsfFile.sample())
                        .faults(Faults.NONE.withDelayReply("LinkMacToViewerReportStreamChange", CHANGE_DELAY)))
                .until(ctx -> hr1(ctx).map(e -> Handling.since(ctx, e, CHANGE_DELAY.plusMillis(500))).orElse(false)
                        || ctx.sessionOver())
                .check(ctx -> {
                    ctx.requireMmst();
                    ConnectionEvent hr1 = hr1(ctx).orElseThrow(() -> ctx.skip("the first entry never ended (the"
                            + " client left before ReportEndOfStream hr 1); it sent " + ctx.names()));
                    Instant changeDue = hr1.time().plus(CHANGE_DELAY);
                    ctx.expect(!Handling.leftBetween(ctx, hr1.time(), changeDue), "the client took hr 1 for the"
                            + " end: it left before ReportStreamChange came; it sent " + ctx.names());
                })
                .add(2, MUST, "once the content has ended (ReportEndOfStream hr 0) and the client has sent"
                        + " CloseFile, it closes the TCP connection and sends nothing more")
                .covers("MMSP-3.1.4.8-R5")
                .judgedBy(Section.mmsp("3.1.4.8"))
                .check(ctx -> {
                    ctx.requireMmst();
                    if (!ctx.hasSent(LinkViewerToMacCloseFile.class)) {
                        ctx.skip("the client sent no CloseFile (3.1.4.8-01 judges that); it sent " + ctx.names());
                    }
                    List<String> after = Handling.namesAfter(ctx, LinkViewerToMacCloseFile.class);
                    ctx.expect(after.isEmpty(), "the client went on after CloseFile: " + after);
                    // the server closes on CloseFile too (3.2.5.17); either close ends the connection
                    boolean closed = ctx.events().stream().anyMatch(e -> e.what() == What.CLOSED_BY_CLIENT
                            || e.what() == What.CLOSED_BY_SERVER && e.detail().equals("CloseFile"));
                    ctx.expect(closed || ctx.exit().byItself(), "the connection stayed open after CloseFile; "
                            + ctx.exit().summary());
                });
    }
}
