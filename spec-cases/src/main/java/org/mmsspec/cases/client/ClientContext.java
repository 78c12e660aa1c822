package org.mmsspec.cases.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.mmsspec.cases.CaseSkipped;
import org.mmsspec.cases.Evidence;
import org.mmsspec.cases.RunSettings;
import org.mmsspec.cases.Verification;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.mmsh.MmshServer;
import org.mmsspec.server.mmsh.RecordedRequest;
import org.mmsspec.server.mmsp.MmstServer;
import org.mmsspec.server.mmsp.Transcript;
import org.mmsspec.server.scenario.Scenario;

/**
 * What a client check works with: everything the case's mock server saw (the event log of connection attempts, the
 * decoded MMST transcripts, the MMSH requests), the client's exit, and the verification vocabulary. The views are
 * live while the client runs, so that {@code until} conditions read them too.
 */
public final class ClientContext extends Verification {

    /**
     * One message the client sent on an MMST connection.
     *
     * @param connection the connection it came on
     * @param packet     the index of its command packet on that connection, from 0
     * @param header     that packet's TcpMessageHeader
     */
    public record Sent(long connection, int packet, TcpMessageHeader header, MmsMessage message) {
    }

    private final ClientCase clientCase;
    private final RunSettings settings;
    private final ClientUrl url;
    private final MockMmsServer server;
    private final MmstServer mmst;
    private final MmshServer mmsh;
    private volatile ClientExit exit;
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

    ClientContext(ClientCase clientCase, RunSettings settings, ClientUrl url, MockMmsServer server, MmstServer mmst,
            MmshServer mmsh) {
        super(clientCase);
        this.clientCase = clientCase;
        this.settings = settings;
        this.url = url;
        this.server = server;
        this.mmst = mmst;
        this.mmsh = mmsh;
    }

    public ClientCase clientCase() {
        return clientCase;
    }

    public RunSettings settings() {
        return settings;
    }

    /** The URL the client was given. */
    public ClientUrl url() {
        return url;
    }

    public Scenario scenario() {
        return server.scenario();
    }

    /** How the client ended; null while it runs. */
    public ClientExit exit() {
        return exit;
    }

    void exited(ClientExit e) {
        exit = e;
    }

    // ---- what the server saw

    public List<ConnectionEvent> events() {
        return server.events().events();
    }

    /** The decoded transcript of every MMST connection, in the order they were accepted. */
    public List<Transcript> mmstConnections() {
        return mmst.transcripts().stream().sorted(Comparator.comparingLong(Transcript::connection)).toList();
    }

    /** Every message the client sent over MMST, in order, connection after connection. */
    public List<Sent> sent() {
        List<Sent> out = new ArrayList<>();
        for (Transcript t : mmstConnections()) {
            int packet = 0;
            for (Transcript.Entry e : t.entries()) {
                if (e.header() != null) {
                    for (MmsMessage m : e.messages()) {
                        out.add(new Sent(t.connection(), packet, e.header(), m));
                    }
                    packet++;
                }
            }
        }
        return out;
    }

    /** The messages of {@code type} the client sent, in order. */
    public <T extends MmsMessage> List<T> all(Class<T> type) {
        return sent().stream().map(Sent::message).filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends MmsMessage> Optional<T> first(Class<T> type) {
        return all(type).stream().findFirst();
    }

    /**
     * The first message of {@code type}. Where the client never opened an MMST session the case is skipped (it did not
     * take this URL); where it did and never sent the message, that breaks the case's rule.
     */
    public <T extends MmsMessage> T require(Class<T> type) {
        requireMmst();
        Optional<T> m = first(type);
        expect(m.isPresent(), "the client never sent " + type.getSimpleName() + "; it sent " + names());
        return m.orElseThrow();
    }

    /**
     * Judges what the codec found wrong in the named fields of what the client sent, rules of the case's own section
     * only: a MUST ends the case, a SHOULD is recorded. Skips the case where the client never spoke MMST.
     */
    public void judgeFields(String... fields) {
        requireMmst();
        Set<String> names = Set.of(fields);
        judge(mmstConnections().stream().flatMap(t -> t.entries().stream()).flatMap(e -> e.violations().stream())
                .filter(v -> v.section().equals(clientCase.section()) && names.contains(v.field())).toList());
    }

    /** Skips the case where the client never opened an MMST session. */
    public void requireMmst() {
        if (mmstConnections().stream().allMatch(t -> t.entries().isEmpty())) {
            throw new CaseSkipped("the client sent nothing over MMST to " + url + " (" + attemptsLine() + "; "
                    + exitLine() + ")");
        }
    }

    /** The names of the messages sent over MMST, in order. */
    public List<String> names() {
        return sent().stream().map(s -> s.message().type().name().replace("LinkViewerToMac", "")).toList();
    }

    /** Every MMSH request, in order. */
    public List<RecordedRequest> mmshRequests() {
        return mmsh.requests();
    }

    /** Skips the case where the client sent no MMSH request; else the requests. */
    public List<RecordedRequest> requireMmsh() {
        List<RecordedRequest> r = mmshRequests();
        if (r.isEmpty()) {
            throw new CaseSkipped("the client sent no MMSH request to " + url + " (" + attemptsLine() + "; "
                    + exitLine() + ")");
        }
        return r;
    }

    /** The protocols the client tried, in order, as the event log and the transcripts show them. */
    public List<Attempt> attempts() {
        return Attempt.of(events(), mmstConnections());
    }

    // ---- conditions for until

    /** Whether any connection reached streaming. */
    public boolean streaming() {
        return events().stream().anyMatch(e -> e.what() == What.STREAMING);
    }

    /** Whether {@code d} has passed since the first event of kind {@code what}; false before there is one. */
    public boolean since(What what, Duration d) {
        return events().stream().filter(e -> e.what() == what).findFirst()
                .map(e -> e.time().plus(d).isBefore(Instant.now())).orElse(false);
    }

    /** Whether the client has sent a message of {@code type}. */
    public boolean hasSent(Class<? extends MmsMessage> type) {
        return sent().stream().anyMatch(s -> type.isInstance(s.message()));
    }

    /**
     * The default end of a case: every TCP connection the client opened is closed again, or the server announced
     * the end of the content a second ago (a player may stay connected at the end).
     */
    public boolean sessionOver() {
        List<ConnectionEvent> ev = events();
        Set<Long> open = ev.stream().filter(e -> e.what() == What.ACCEPTED && e.protocol() != Protocol.MMSU)
                .map(ConnectionEvent::connection).collect(Collectors.toSet());
        ev.stream().filter(e -> e.what() == What.CLOSED_BY_CLIENT || e.what() == What.CLOSED_BY_SERVER
                || e.what() == What.RESET).forEach(e -> open.remove(e.connection()));
        boolean anyone = ev.stream().anyMatch(e -> e.what() == What.ACCEPTED);
        Instant end = ev.stream().filter(e -> e.what() == What.END_OF_STREAM).map(ConnectionEvent::time).findFirst()
                .orElse(null);
        return anyone && (open.isEmpty() || end != null && end.plus(Duration.ofSeconds(1)).isBefore(Instant.now()));
    }

    // ---- for findings and the report

    /** A fact the report shows whatever the verdict (a client's rollover order, say), not a finding. */
    public void note(String line) {
        notes.add(line);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    String attemptsLine() {
        List<Attempt> a = attempts();
        return a.isEmpty() ? "no connection reached the server" : "it tried " + a;
    }

    String exitLine() {
        return exit == null ? "still running" : exit.summary();
    }

    /** Lines for the report: the event log, each MMST connection decoded, the MMSH requests, the exit. */
    List<Evidence> evidence(String command) {
        List<Evidence> out = new ArrayList<>();
        out.add(new Evidence("client", List.of("command: " + command, "url: " + url, "exit: " + exitLine())));
        out.add(new Evidence("events", events().stream().map(ClientContext::eventLine).toList()));
        for (Transcript t : mmstConnections()) {
            List<String> lines = new ArrayList<>();
            int packet = 0;
            for (Transcript.Entry e : t.entries()) {
                if (e.header() == null) {
                    lines.add("@" + e.offset() + " " + e);
                    continue;
                }
                TcpMessageHeader h = e.header();
                lines.add(String.format("#%d @%d seq=%d messageLength=%d chunkCount=%d rep=0x%02X MBZ=%d%s", packet++,
                        e.offset(), h.seq(), h.messageLength(), h.chunkCount(), h.rep(), h.MBZ(),
                        e.violations().isEmpty() ? "" : " violations " + e.violations()));
                e.messages().forEach(m -> lines.add("    " + m));
            }
            out.add(new Evidence("MMST connection #" + t.connection() + " (what the client sent)", lines));
        }
        Map<Long, List<RecordedRequest>> byConnection = mmshRequests().stream()
                .collect(Collectors.groupingBy(RecordedRequest::connection, java.util.TreeMap::new,
                        Collectors.toList()));
        byConnection.forEach((c, reqs) -> {
            List<String> lines = new ArrayList<>();
            for (RecordedRequest r : reqs) {
                lines.add(r.method() + " " + r.uri() + " " + r.version() + "  (" + r.type() + ")");
                r.headers().forEach(h -> lines.add("    " + h.getKey() + ": " + h.getValue()));
            }
            out.add(new Evidence("MMSH connection #" + c + " (requests)", lines));
        });
        if (exit != null && !exit.outputTail().isBlank()) {
            out.add(new Evidence("client output (tail)", List.of(exit.outputTail().split("\n"))));
        }
        return out;
    }

    private static String eventLine(ConnectionEvent e) {
        return String.format("%3d %s #%d %s :%d %s %s", e.sequence(), e.time(), e.connection(), e.protocol(),
                e.port(), e.what(), e.detail());
    }
}
