package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.time.Duration;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Outcome;

/**
 * MS-MMSP 3.2.6.2: a session idle past the Idle-Timeout is closed. The spec recommends an hour, so the case needs the
 * target's own value: {@code -Didle=SECONDS} (at most {@link #LONGEST}).
 */
final class S3_2_6_2_IdleTimeoutExpires {

    static final String PROPERTY = "idle";
    private static final Duration LONGEST = Duration.ofMinutes(5);
    /** Slack past the Idle-Timeout for the server's timer and the close to reach the client. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private S3_2_6_2_IdleTimeoutExpires() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.6.2", "Idle-Timeout Timer Expires");
        g.add(1, MUST, "A READY session idle past the target's Idle-Timeout (-Didle=SECONDS) is closed by the server")
                .covers("R1").tags(ServerCase.SLOW).run(ctx -> {
                    Duration idle = idleTimeout();
                    if (idle == null) {
                        ctx.skip("the target's Idle-Timeout is unknown (the spec recommends 3600 s): give -D"
                                + PROPERTY + "=SECONDS, at most " + LONGEST.toSeconds());
                    }
                    Handshake h = SessionSteps.ready(ctx); // Pings are answered: only requests count as activity
                    Outcome o = h.client().expectClose(idle.plus(SLACK));
                    ctx.must(o instanceof Outcome.Eof || o instanceof Outcome.Reset, "the idle session was closed");
                });
        return g;
    }

    private static Duration idleTimeout() {
        String v = System.getProperty(PROPERTY, "").strip();
        try {
            Duration d = Duration.ofSeconds(Long.parseLong(v));
            return d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
