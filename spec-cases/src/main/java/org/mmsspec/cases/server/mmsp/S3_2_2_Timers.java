package org.mmsspec.cases.server.mmsp;

import org.mmsspec.cases.ConformanceCase;
import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.time.Duration;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/** MS-MMSP 3.2.2: KeepAlive is at least 10 s and should be 30 s; Idle-Timeout should be an hour. */
final class S3_2_2_Timers {

    /** Idleness a session with the recommended Idle-Timeout easily survives, answering Pings meanwhile. */
    private static final Duration IDLE = Duration.ofSeconds(65);
    /** Silence the default run affords; a KeepAlive this short is far below the minimum. */
    private static final Duration QUICK = Duration.ofSeconds(1);

    private S3_2_2_Timers() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.2", "Timers");
        g.add(1, MUST, "No Ping within 10 s of the last message: KeepAlive is never shorter than the minimum")
                .covers("R2").tags(ConformanceCase.SLOW).run(ctx -> {
                    Handshake h = Timers.silentReady(ctx);
                    var waited = Timers.awaitPing(h.client(), Timers.MINIMUM);
                    ctx.must(!waited.ping(), "a Ping came " + waited.after().toMillis() + " ms after the last"
                            + " message, before the 10 s minimum");
                    ctx.must(waited.outcome() instanceof Outcome.Timeout, "the session stays open for 10 s of"
                            + " silence: " + waited.outcome().summary());
                });
        g.add(2, SHOULD, "KeepAlive is 30 s: the first Ping to a silent session comes 25 to 35 s after the last"
                + " message")
                .covers("R2").tags(ConformanceCase.SLOW).run(ctx -> {
                    Handshake h = Timers.silentReady(ctx);
                    var waited = Timers.awaitPing(h.client(), Timers.KEEPALIVE.plus(Timers.MARGIN));
                    long s = waited.after().toSeconds();
                    ctx.should(waited.ping() && waited.after().compareTo(Timers.KEEPALIVE.minus(Timers.MARGIN)) >= 0,
                            waited.ping() ? "the first Ping came after " + s + " s" : "no Ping within 35 s: "
                                    + waited.outcome().summary());
                });
        g.add(3, SHOULD, "Idle-Timeout is an hour: a READY session idle for 65 s (answering Pings) still plays")
                .covers("R1").tags(ConformanceCase.SLOW).run(ctx -> {
                    Handshake h = SessionSteps.ready(ctx);
                    Outcome o = h.client().receive(IDLE); // Pings are answered meanwhile
                    ctx.should(o instanceof Outcome.Timeout, "the idle session ended within " + IDLE.toSeconds()
                            + " s: " + o.summary());
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, SessionSteps.PLAY));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    SessionSteps.nextData(h.client());
                });
        g.add(4, MUST, "No Ping within 1 s of the last message (the quick check of the 10 s minimum, run by default)")
                .covers("R2").run(ctx -> {
                    Handshake h = Timers.silentReady(ctx);
                    var waited = Timers.awaitPing(h.client(), QUICK);
                    ctx.must(!waited.ping(), "a Ping came " + waited.after().toMillis() + " ms after the last"
                            + " message, before the 10 s minimum");
                });
        return g;
    }
}
