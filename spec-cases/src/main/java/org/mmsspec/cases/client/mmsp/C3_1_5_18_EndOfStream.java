package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;

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
                        .faults(Handling.delay("LinkMacToViewerReportStreamChange", CHANGE_DELAY)))
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
                .add(2, SHOULD, "a ReportEndOfStream the client did not ask for (no StopPlaying) is answered with"
                        + " LinkViewerToMacLogging")
                .covers("R4")
                .erratum("No open-source client sends Logging (FFmpeg, VLC, MPlayer, libmms, xine) and no known"
                        + " server needs it to end a session, so a missing Logging is a WARN; with the literal"
                        + " profile it is the MUST of 3.1.5.18.")
                .check(ctx -> {
                    ctx.requireMmst();
                    if (Handling.firstEvent(ctx, What.END_OF_STREAM).isEmpty()) {
                        ctx.skip("the content never ended (no ReportEndOfStream); the client sent " + ctx.names());
                    }
                    Level level = ctx.settings().profile() == Profile.LITERAL ? MUST : SHOULD;
                    ctx.check(ctx.clientCase().section(), level, ctx.hasSent(LinkViewerToMacLogging.class),
                            "ReportEndOfStream hr 0 got no Logging; the client sent " + ctx.names(), null, null);
                });
    }
}
