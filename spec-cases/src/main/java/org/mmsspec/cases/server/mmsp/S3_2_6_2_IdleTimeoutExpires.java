package org.mmsspec.cases.server.mmsp;

import org.mmsspec.cases.ConformanceCase;
import static org.mmsspec.codec.Level.MUST;

import java.time.Duration;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.Target;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Outcome;

/**
 * MS-MMSP 3.2.6.2: a session idle past the Idle-Timeout is closed. The spec recommends an hour, so the case needs a
 * target that states a shorter one ({@code -Didle=SECONDS}; the embedded reference has a server for it).
 */
final class S3_2_6_2_IdleTimeoutExpires {

    /** Slack past the Idle-Timeout for the server's timer and the close to reach the client. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private S3_2_6_2_IdleTimeoutExpires() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.6.2", "Idle-Timeout Timer Expires");
        g.add(1, MUST, "A READY session idle past the target's Idle-Timeout (-Didle=SECONDS) is closed by the server")
                .covers("R1").tags(ConformanceCase.SLOW).run(ctx -> {
                    Target.Idle idle = ctx.requireIdle();
                    // Pings are answered: only requests count as activity
                    Handshake h = SessionSteps.ready(ctx, idle.endpoint());
                    Outcome o = h.client().expectClose(idle.timeout().plus(SLACK));
                    ctx.must(o instanceof Outcome.Eof || o instanceof Outcome.Reset, "the idle session was closed");
                });
        return g;
    }
}
