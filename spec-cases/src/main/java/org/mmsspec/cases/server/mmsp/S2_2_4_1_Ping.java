package org.mmsspec.cases.server.mmsp;

import org.mmsspec.cases.ConformanceCase;
import static org.mmsspec.codec.Level.SHOULD;

import java.time.Duration;
import java.util.function.ToLongFunction;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;

/**
 * MS-MMSP 2.2.4.1: the fields of LinkMacToViewerPing. A Ping comes only after a KeepAlive period of silence (30 s
 * as the spec suggests), so these cases are slow; whether and when it comes is for the timer cases of 3.2.2 to judge.
 */
final class S2_2_4_1_Ping {

    /** The suggested KeepAlive period and some slack. */
    private static final Duration PING_WAIT = Duration.ofSeconds(35);

    private S2_2_4_1_Ping() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.1", "LinkMacToViewerPing");
        param(g, 1, "dwParam1", "R2", LinkMacToViewerPing::dwParam1);
        param(g, 2, "dwParam2", "R4", LinkMacToViewerPing::dwParam2);
        return g;
    }

    private static void param(CaseGroup g, int n, String field, String requirement,
            ToLongFunction<LinkMacToViewerPing> get) {
        g.add(n, SHOULD, "The Ping after a silence once the header is read has " + field + " 0").covers(requirement)
                .tags(ConformanceCase.SLOW)
                .run(ctx -> ctx.shouldEqual(field + " of LinkMacToViewerPing", 0L, get.applyAsLong(ping(ctx))));
    }

    /**
     * The first Ping on a session left silent in READY. The wait ends before the case's deadline; no Ping by then
     * skips the case.
     */
    private static LinkMacToViewerPing ping(CaseContext ctx) {
        MmstClient c = ctx.handshake().upTo(Stage.HEADER_READ).client().autoPong(false);
        Duration room = ctx.settings().caseDeadline(ctx.serverCase()).minus(ctx.timeout().multipliedBy(2));
        Duration wait = room.compareTo(PING_WAIT) < 0 ? room : PING_WAIT;
        Outcome o = c.readUntil(r -> r.message(LinkMacToViewerPing.class).isPresent(), wait);
        if (!(o instanceof Outcome.Received r)) {
            throw ctx.skip("no Ping within " + wait.toSeconds() + " s (" + o.summary() + ")");
        }
        return r.message(LinkMacToViewerPing.class).orElseThrow();
    }
}
