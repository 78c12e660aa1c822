package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;
import java.util.Locale;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.Protocol;

/**
 * MS-MMSP 3.1.5.5 Receiving a LinkMacToViewerReportDisconnectedFunnel Message: the UDP funnel is refused (the case's
 * server answers every UDP ConnectFunnel with ReportDisconnectedFunnel); the client gives up, or retries over TCP.
 */
final class C3_1_5_5_DisconnectedFunnel {

    private C3_1_5_5_DisconnectedFunnel() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.5", "Receiving a LinkMacToViewerReportDisconnectedFunnel Message")
                .add(1, MUST, "a ConnectFunnel retried after ReportDisconnectedFunnel for UDP asks for TCP")
                .covers("R6", "R11")
                .schemes(Scheme.MMSU)
                .server(b -> b.behaviour(Protocol.MMSU, Behaviour.ERROR))
                .check(ctx -> {
                    List<String> funnels = funnels(ctx);
                    if (funnels.size() < 2) {
                        ctx.skip("the client did not retry after ReportDisconnectedFunnel; its funnels: " + funnels);
                    }
                    ctx.expect(funnels.get(1).contains("\\TCP\\"), "the retried funnel is " + funnels.get(1)
                            + " after the UDP one was refused");
                })
                .add(2, SHOULD, "after ReportDisconnectedFunnel the client does not go on to OpenFile on the"
                        + " refused funnel: it retries ConnectFunnel or gives up")
                .covers("R3", "R12", "MMSP-3.1.5.4-R14")
                .schemes(Scheme.MMSU)
                .server(b -> b.behaviour(Protocol.MMSU, Behaviour.ERROR))
                .until(Handling::closedOrBoundOver)
                .check(ctx -> {
                    ctx.require(LinkViewerToMacConnectFunnel.class);
                    List<String> after = Handling.namesAfter(ctx, LinkViewerToMacConnectFunnel.class);
                    List<String> beforeRetry = after.contains("ConnectFunnel")
                            ? after.subList(0, after.indexOf("ConnectFunnel")) : after;
                    ctx.expect(!beforeRetry.contains("OpenFile"), "after the refused UDP funnel the client went on"
                            + " with " + after);
                })
                .add(3, SHOULD, "after ReportDisconnectedFunnel for UDP the client still reaches the content over"
                        + " TCP, by a TCP ConnectFunnel or a new MMST connection")
                .covers("R11")
                .erratum("3.1.5.5 lets a client give up (R3) or retry (R4, MAY); the rollover of the Windows Media"
                        + " Format SDK goes on from MMSU to MMST, which is what a player is expected to do.")
                .schemes(Scheme.MMSU)
                .server(b -> b.behaviour(Protocol.MMSU, Behaviour.ERROR))
                .until(ctx -> ctx.streaming() || ctx.sessionOver())
                .check(ctx -> {
                    ctx.require(LinkViewerToMacConnectFunnel.class);
                    ctx.expect(ctx.streaming(), "the client never streamed over TCP after the UDP funnel was"
                            + " refused; it tried " + ctx.attempts() + " and sent " + ctx.names());
                });
    }

    /** The funnelName of every ConnectFunnel, in order, as {@code \\host\UDP\port}. */
    private static List<String> funnels(ClientContext ctx) {
        ctx.require(LinkViewerToMacConnectFunnel.class);
        return ctx.all(LinkViewerToMacConnectFunnel.class).stream()
                .map(f -> f.funnelName().toUpperCase(Locale.ROOT)).toList();
    }
}
