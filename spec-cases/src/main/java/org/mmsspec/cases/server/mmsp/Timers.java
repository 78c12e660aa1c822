package org.mmsspec.cases.server.mmsp;

import java.time.Duration;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;

/** Waiting on the server's timers (MS-MMSP 3.2.2): KeepAlive and Idle-Timeout. Only slow cases use these. */
final class Timers {

    /** Neither timer may be shorter (MS-MMSP 3.2.2). */
    static final Duration MINIMUM = Duration.ofSeconds(10);
    /** The KeepAlive period the spec recommends, and the margin a Ping may come either side of it. */
    static final Duration KEEPALIVE = Duration.ofSeconds(30);
    static final Duration MARGIN = Duration.ofSeconds(5);
    /** How long a Ping is waited for before concluding none comes: twice the recommended period, and a little. */
    static final Duration PING_WAIT = KEEPALIVE.multipliedBy(2).plus(MARGIN);

    private Timers() {
    }

    /** A READY session whose client answers nothing by itself: the server's Pings stay visible. */
    static Handshake silentReady(CaseContext ctx) {
        Handshake h = SessionSteps.ready(ctx);
        h.client().autoPong(false);
        return h;
    }

    /** Waits up to {@code within} for a Ping; the outcome that ended the wait, and how long it took. */
    static Waited awaitPing(MmstClient c, Duration within) {
        long start = System.nanoTime();
        Outcome o = c.readUntil(r -> r.message(LinkMacToViewerPing.class).isPresent(), within);
        return new Waited(o, Duration.ofNanos(System.nanoTime() - start));
    }

    record Waited(Outcome outcome, Duration after) {
        boolean ping() {
            return outcome instanceof Outcome.Received;
        }
    }
}
