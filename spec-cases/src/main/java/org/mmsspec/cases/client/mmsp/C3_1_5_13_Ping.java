package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.time.Duration;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.scenario.Pacing;

/** MS-MMSP 3.1.5.13 Receiving a LinkMacToViewerPing Message: every Ping gets a Pong. */
final class C3_1_5_13_Ping {

    /**
     * The KeepAlive timer of the case's server: far below the spec's 10 s minimum (3.2.2), only so that a Ping comes
     * while the content (about 4 s) still streams at its own pace.
     */
    static final Duration KEEPALIVE = Duration.ofMillis(500);

    private C3_1_5_13_Ping() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.13", "Receiving a LinkMacToViewerPing Message")
                .add(1, MUST, "a Ping while streaming is answered with LinkViewerToMacPong before the server's next"
                        + " KeepAlive expiry (the server closes a session whose Ping went unanswered)")
                .covers("R3", "MMSP-3.1.5.2-R3")
                .server(b -> b.pacing(Pacing.REALTIME).pingInterval(KEEPALIVE))
                .until(ctx -> ctx.hasSent(LinkViewerToMacPong.class) || ctx.sessionOver())
                .check(ctx -> {
                    ctx.requireMmst();
                    if (!ctx.streaming()) {
                        ctx.skip("the client never reached streaming, so no Ping came; it sent " + ctx.names());
                    }
                    boolean unanswered = ctx.events().stream().anyMatch(e -> e.what() == What.CLOSED_BY_SERVER
                            && e.detail().contains("no Pong"));
                    ctx.expect(ctx.hasSent(LinkViewerToMacPong.class) && !unanswered, "the Ping "
                            + KEEPALIVE.toMillis() + " ms into streaming got no Pong"
                            + (unanswered ? " before the next KeepAlive expiry: the server closed the session" : "")
                            + "; the client sent " + ctx.names());
                });
    }
}
