package org.mmsspec.cases.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.mmsp.Transcript;

/**
 * One protocol a client tried, on one connection: what rollover profiles are judged against.
 *
 * @param kind       what the first bytes and, for MMS, the funnel showed
 * @param connection the server's connection number
 * @param port       the port it came to
 * @param outcome    the last event of the connection
 */
public record Attempt(Kind kind, long connection, int port, Instant time, String outcome) {

    /** The steps of the rollover lists, as the client's bytes show them. */
    public enum Kind {
        /** An RTSP request (RTSPT or RTSPU: the transport would only be named in a SETUP nobody gets to). */
        RTSP,
        /** MMS with Data packets over this TCP connection. */
        MMST,
        /** MMS asking for a UDP funnel (ConnectFunnel names UDP). */
        MMSU,
        /** MMS over HTTP: an HTTP request with an NSPlayer User-Agent or an MMSH Pragma. */
        MMSH,
        /** Plain HTTP: an HTTP request that shows no MMSH. */
        HTTP
    }

    /** The attempts in {@code events}, in the order they were made; connections that sent nothing are left out. */
    static List<Attempt> of(List<ConnectionEvent> events, List<Transcript> mmst) {
        Map<Long, List<ConnectionEvent>> byConnection = new LinkedHashMap<>();
        for (ConnectionEvent e : events) {
            if (e.protocol() != Protocol.MMSU) {
                byConnection.computeIfAbsent(e.connection(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Attempt> out = new ArrayList<>();
        byConnection.forEach((c, evs) -> {
            ConnectionEvent shown = evs.stream()
                    .filter(e -> e.what() == What.REQUEST || e.what() == What.PROTOCOL_ERROR
                            && e.detail().contains(" is not served on port "))
                    .findFirst().orElse(null);
            if (shown == null) {
                return;
            }
            Kind kind = switch (shown.protocol()) {
                case RTSP -> Kind.RTSP;
                // a refused HTTP request shows only its request line: it counts as MMSH
                case MMSH -> shown.what() != What.REQUEST || mmsh(shown.detail()) ? Kind.MMSH : Kind.HTTP;
                default -> udpFunnel(mmst, c) ? Kind.MMSU : Kind.MMST;
            };
            ConnectionEvent last = evs.get(evs.size() - 1);
            out.add(new Attempt(kind, c, shown.port(), shown.time(), last.what() + " " + last.detail()));
        });
        return out;
    }

    private static boolean mmsh(String requestLine) {
        String l = requestLine.toLowerCase(Locale.ROOT);
        return l.contains("nsplayer") || l.contains("xclientguid") || l.contains("client-id") || l.contains("pragma=[")
                && !l.contains("pragma=[]");
    }

    private static boolean udpFunnel(List<Transcript> mmst, long connection) {
        return mmst.stream().filter(t -> t.connection() == connection).flatMap(t -> t.entries().stream())
                .flatMap(e -> e.messages().stream())
                .anyMatch(m -> m instanceof LinkViewerToMacConnectFunnel f && f.funnelName().contains("\\UDP\\"));
    }

    @Override
    public String toString() {
        return kind + "#" + connection;
    }
}
