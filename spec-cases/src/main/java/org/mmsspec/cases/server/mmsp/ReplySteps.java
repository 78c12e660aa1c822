package org.mmsspec.cases.server.mmsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.mmsp.ClientLog;
import org.mmsspec.codec.mmsp.ClientLogInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;

/** Steps the message cases share: a request on a fresh connection and its reply, and one-field checks of a reply. */
final class ReplySteps {

    static final long PACKET_PAIR = LinkViewerToMacConnect.MMS_USE_PACKET_PAIR;
    static final long NO_PACKET_PAIR = LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR;
    static final long TCP_PAIR = LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_TCP_HIGH_ENTROPY;
    static final long UDP_PAIR = LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_UDP_HIGH_ENTROPY;
    /** How long a further reply is waited for: the replies to one request come at once, not spaced. */
    static final Duration QUIET = Duration.ofMillis(300);

    private ReplySteps() {
    }

    /** A reply of one request, judged one field at a time. */
    interface Step<R> {
        R run(CaseContext ctx);
    }

    /** Adds a case that checks one field of the reply {@code step} gets against the value the spec fixes. */
    static <R> void field(CaseGroup g, int n, Level level, String requirement, String reply, String field,
            long expected, Step<R> step, Function<R, Number> get) {
        g.add(n, level, String.format("%s.%s is 0x%08X", reply, field, expected)).covers(requirement)
                .run(ctx -> equal(ctx, level, field + " of " + reply, expected, get.apply(step.run(ctx))));
    }

    /** mustEqual or shouldEqual, by the level of the rule. */
    static void equal(CaseContext ctx, Level level, String what, Object expected, Object actual) {
        if (level == Level.MUST) {
            ctx.mustEqual(what, expected, actual);
        } else {
            ctx.shouldEqual(what, expected, actual);
        }
    }

    /** Connect with {@code playIncarnation} on {@code c}: its reply. */
    static LinkMacToViewerReportConnectedEX connect(MmstClient c, long playIncarnation) {
        c.send(new LinkViewerToMacConnect(playIncarnation, LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, MmstClient.NSPLAYER, "", ""));
        return c.expect(LinkMacToViewerReportConnectedEX.class);
    }

    /** Connect without packet-pair, then FunnelInfo without packet-pair: the one reply. */
    static LinkMacToViewerReportFunnelInfo funnelInfo(CaseContext ctx) {
        return funnelInfo(ctx.mmst(), NO_PACKET_PAIR, NO_PACKET_PAIR).get(0).message(
                LinkMacToViewerReportFunnelInfo.class).orElseThrow();
    }

    /**
     * Connect with {@code connectInc}, then FunnelInfo with {@code funnelInc}: the packets carrying ReportFunnelInfo.
     * After a first one answering TCP packet-pair, up to three in all are read, as long as the server does not fall
     * quiet.
     */
    static List<Outcome.Received> funnelInfo(MmstClient c, long connectInc, long funnelInc) {
        connect(c, connectInc);
        c.send(new LinkViewerToMacFunnelInfo(funnelInc));
        LinkMacToViewerReportFunnelInfo first = c.expect(LinkMacToViewerReportFunnelInfo.class);
        List<Outcome.Received> out = new ArrayList<>();
        out.add(c.lastReceived());
        while (first.playIncarnation() == TCP_PAIR && funnels(out).size() < 3) {
            Outcome o = c.receive(QUIET);
            if (!(o instanceof Outcome.Received r) || r.message(LinkMacToViewerReportFunnelInfo.class).isEmpty()) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    /**
     * The ReportFunnelInfo packets of a TCP packet-pair request, from a server that grants one: Connect and FunnelInfo
     * ask for it; a server that answers without it is skipped, as these rules bind only the pair.
     */
    static List<Outcome.Received> tcpPair(CaseContext ctx) {
        MmstClient c = ctx.mmst();
        List<Outcome.Received> replies = funnelInfo(c, PACKET_PAIR, TCP_PAIR);
        long inc = replies.get(0).message(LinkMacToViewerReportFunnelInfo.class).orElseThrow().playIncarnation();
        if (inc != TCP_PAIR) {
            throw ctx.skip(String.format("the server does no TCP packet-pair (ReportFunnelInfo playIncarnation 0x%X)",
                    inc));
        }
        return replies;
    }

    /** Every ReportFunnelInfo the packets carry, in order: a server may combine them (a SHOULD NOT of 3.2.5.2). */
    static List<LinkMacToViewerReportFunnelInfo> funnels(List<Outcome.Received> packets) {
        return packets.stream().flatMap(r -> r.messages().stream())
                .filter(LinkMacToViewerReportFunnelInfo.class::isInstance)
                .map(LinkMacToViewerReportFunnelInfo.class::cast).toList();
    }

    /** ReportFunnelInfo of one packet. */
    static LinkMacToViewerReportFunnelInfo funnel(Outcome.Received r) {
        return r.message(LinkMacToViewerReportFunnelInfo.class).orElseThrow(
                () -> new ExpectationFailure("LinkMacToViewerReportFunnelInfo", r));
    }

    /** A Logging message as a player sends it when a stream stops: every string "-" where it has nothing to say. */
    static LinkViewerToMacLogging logging(long openFileId, String url) {
        ClientLogInfo info = new ClientLogInfo(ClientLogInfo.SIZE, url, "-", "NSPlayer/9.0.0.2980", "-",
                0x0009000000000BA4L, "en-US", "{3300AD50-2C39-46c0-AE0A-60B0A5A8D8FC}", "mmsspec", 0, 0, 0, 0, "-",
                "-", 0, 0, 1, 0, 0, 0, 0, 0, 0, 100, 0);
        return new LinkViewerToMacLogging(new ClientLog(ClientLog.SIZE, info, openFileId, 0xFFFFFFFFL, "-", "Linux",
                0, "-", "mms", "TCP", 0, 0, 0, 0, 0));
    }
}
