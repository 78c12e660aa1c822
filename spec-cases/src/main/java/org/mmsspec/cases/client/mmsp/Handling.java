package org.mmsspec.cases.client.mmsp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.Protocol;

/**
 * The shared steps of the behaviour cases: the server faults they ask for, and what they read from the event log and
 * the transcripts about how a client went on after the server did something.
 */
final class Handling {

    /** How long a client has to stop once the server has failed it, in the cases' bound. */
    static final Duration STOP_BOUND = Duration.ofSeconds(3);

    private Handling() {
    }

    // ---- what the client did next

    /** The names of what the client sent on the connection of its first {@code type}, after that message. */
    static List<String> namesAfter(ClientContext ctx, Class<? extends MmsMessage> type) {
        List<ClientContext.Sent> sent = ctx.sent();
        for (int i = 0; i < sent.size(); i++) {
            if (type.isInstance(sent.get(i).message())) {
                long conn = sent.get(i).connection();
                return sent.subList(i + 1, sent.size()).stream().filter(s -> s.connection() == conn)
                        .map(s -> s.message().type().name().replace("LinkViewerToMac", "")).toList();
            }
        }
        return List.of();
    }

    /** How many {@code type} messages the client sent on connections that reached streaming (not on probes). */
    static long onStreamingConnections(ClientContext ctx, Class<? extends MmsMessage> type) {
        Set<Long> streamed = streamedConnections(ctx);
        return ctx.sent().stream().filter(s -> streamed.contains(s.connection()) && type.isInstance(s.message()))
                .count();
    }

    static Set<Long> streamedConnections(ClientContext ctx) {
        Set<Long> out = new java.util.HashSet<>();
        ctx.events().stream().filter(e -> e.what() == What.STREAMING).forEach(e -> out.add(e.connection()));
        return out;
    }

    static Optional<ConnectionEvent> firstEvent(ClientContext ctx, What what) {
        return ctx.events().stream().filter(e -> e.what() == what).findFirst();
    }

    static boolean since(ClientContext ctx, ConnectionEvent e, Duration d) {
        return e.time().plus(d).isBefore(Instant.now());
    }

    /** Whether the client ended an MMST connection (a close, or a CloseFile the server closed on) in [from, to). */
    static boolean leftBetween(ClientContext ctx, Instant from, Instant to) {
        return ctx.events().stream().filter(e -> e.protocol() != Protocol.MMSU && !e.time().isBefore(from)
                && e.time().isBefore(to)).anyMatch(Handling::clientEnded);
    }

    /**
     * Whether the client ended a connection that reached streaming before the first {@code what} (or without one at
     * all): it closed it, or sent CloseFile and the server closed on that. Connections that never streamed (xine's
     * probe session) do not count.
     */
    static boolean clientLeftBefore(ClientContext ctx, What what) {
        Optional<ConnectionEvent> mark = firstEvent(ctx, what);
        Set<Long> streamed = streamedConnections(ctx);
        return ctx.events().stream().anyMatch(e -> clientEnded(e) && streamed.contains(e.connection())
                && (mark.isEmpty() || e.sequence() < mark.get().sequence()));
    }

    /** A close the client caused: its own, or the server's on its CloseFile. */
    private static boolean clientEnded(ConnectionEvent e) {
        return e.what() == What.CLOSED_BY_CLIENT || e.what() == What.CLOSED_BY_SERVER && e.detail().equals("CloseFile");
    }

    /** Every TCP connection the client opened is closed again (before {@code by}, where given). */
    static boolean allClosed(ClientContext ctx, Instant by) {
        List<ConnectionEvent> ev = ctx.events();
        return ev.stream().anyMatch(e -> e.what() == What.ACCEPTED) && ev.stream()
                .filter(e -> e.what() == What.ACCEPTED && e.protocol() != Protocol.MMSU)
                .allMatch(a -> ev.stream().anyMatch(e -> e.connection() == a.connection()
                        && (by == null || e.time().isBefore(by))
                        && (e.what() == What.CLOSED_BY_CLIENT || e.what() == What.CLOSED_BY_SERVER
                                || e.what() == What.RESET)));
    }

    /** When the bound of a failed session runs out: {@link #STOP_BOUND} after the first connection. */
    static Instant boundEnd(ClientContext ctx) {
        return firstEvent(ctx, What.ACCEPTED).map(e -> e.time().plus(STOP_BOUND)).orElse(Instant.MAX);
    }

    /** Until: every connection is closed, or the bound has run out. */
    static boolean closedOrBoundOver(ClientContext ctx) {
        return allClosed(ctx, null) || boundOver(ctx);
    }

    static boolean boundOver(ClientContext ctx) {
        return boundEnd(ctx).isBefore(Instant.now());
    }

    /** The client exited by itself within the bound (its start-up allowed for). */
    static boolean exitedWithinBound(ClientContext ctx) {
        return ctx.exit().byItself() && ctx.exit().ms() <= STOP_BOUND.toMillis() + 2000;
    }

    /** The server sent the last of the content and the client was still there for it. */
    static void playedToTheEnd(ClientContext ctx) {
        ctx.requireMmst();
        ctx.expect(ctx.streaming(), "the client never reached streaming; it sent " + ctx.names());
        ctx.expect(!clientLeftBefore(ctx, What.END_OF_STREAM), "the client ended the session (a close or CloseFile)"
                + " before the end of the content; ReportEndOfStream hr 0 "
                + (firstEvent(ctx, What.END_OF_STREAM).isPresent() ? "went out after that" : "never went out")
                + "; it sent " + ctx.names());
        // an MMSH request the case refused (to steer a rolling client to MMST) is no fault of the MMST session
        Optional<ConnectionEvent> outOfOrder = ctx.events().stream().filter(e -> e.what() == What.PROTOCOL_ERROR
                && e.protocol() == Protocol.MMST).findFirst();
        ctx.expect(outOfOrder.isEmpty(), "the server found the client out of order: "
                + outOfOrder.map(ConnectionEvent::detail).orElse(""));
    }

    /**
     * A client that was sent an error goes no further with the sequence: none of {@code next} follows {@code sent}
     * on that connection.
     */
    static void wentNoFurther(ClientContext ctx, Class<? extends MmsMessage> sent, String error, String... next) {
        ctx.require(sent);
        List<String> after = namesAfter(ctx, sent);
        ctx.expect(after.stream().noneMatch(List.of(next)::contains), "after " + error + " the client went on as if"
                + " all were well: it sent " + after);
    }

    /** The client closed its connections, or exited, within the bound: it stopped instead of hanging on. */
    static void stoppedWithinBound(ClientContext ctx) {
        ctx.requireMmst();
        ctx.should(allClosed(ctx, boundEnd(ctx)) || exitedWithinBound(ctx),
                "the client neither closed the connection nor exited within " + STOP_BOUND.toSeconds()
                        + " s of the failed session; " + ctx.exit().summary());
    }
}
