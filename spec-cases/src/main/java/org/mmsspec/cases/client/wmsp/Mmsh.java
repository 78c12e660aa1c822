package org.mmsspec.cases.client.wmsp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.Level;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.mmsh.RecordedRequest;
import org.mmsspec.server.mmsh.RequestType;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Scenario;

/** What the MMSH cases share: the Describe and the Play as the server recorded them, and the end of a Play. */
final class Mmsh {

    /** A registry-form GUID, braces, no quotes (2.2.1.4.33). */
    static final Pattern GUID = Pattern.compile(
            "\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");
    /** How long the server holds each $E back, so that a client that gave up earlier has closed by then. */
    static final Duration HOLD_END = Duration.ofMillis(300);
    /** The gap between two $D. */
    static final Duration SPACE_DATA = Duration.ofMillis(10);

    private Mmsh() {
    }

    /** The first Describe; skips where the client sent no MMSH request, fails where none of them is a Describe. */
    static RecordedRequest describe(ClientContext ctx) {
        List<RecordedRequest> all = ctx.requireMmsh();
        Optional<RecordedRequest> d = all.stream().filter(r -> r.type() == RequestType.DESCRIBE).findFirst();
        ctx.must(d.isPresent(), "the client sent no Describe; it sent " + all.stream().map(Mmsh::line).toList());
        return d.orElseThrow();
    }

    /** The first Play; skips where there is none (the Play after the Describe is a case of its own). */
    static RecordedRequest play(ClientContext ctx) {
        List<RecordedRequest> all = ctx.requireMmsh();
        return all.stream().filter(r -> r.type() == RequestType.PLAY).findFirst().orElseThrow(() -> ctx.skip(
                "the client sent no Play request; it sent " + all.stream().map(Mmsh::line).toList()));
    }

    /** The request line, as a finding shows it. */
    static String line(RecordedRequest r) {
        return r.method() + " " + r.uri() + " " + r.version() + " (" + r.type() + ")";
    }

    /** The values of every Pragma header line of a request, as sent. */
    static List<String> pragmaLines(RecordedRequest r) {
        return r.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Pragma")).map(Map.Entry::getValue)
                .toList();
    }

    /** Until: the client has sent its Play, or the session is over. */
    static boolean playSent(ClientContext ctx) {
        return ctx.mmshRequests().stream().anyMatch(r -> r.type() == RequestType.PLAY) || ctx.sessionOver();
    }

    /**
     * A server that spaces its $D ({@link #SPACE_DATA}) and holds each $E back ({@link #HOLD_END}), so that the packet
     * after which a client hangs up shows in the event log: written is not read, but a client that gave up on a
     * packet hangs up before the next one is written.
     */
    static Scenario.Builder paced(Scenario.Builder b) {
        return paced(b, 0x0C);
    }

    /** {@link #paced(Scenario.Builder)} with the AFFlags of the only $H piece as given (0x0C, or 0x08). */
    static Scenario.Builder paced(Scenario.Builder b, int headerLastFlag) {
        return b.faults(Faults.NONE.withDelayReply("$D", SPACE_DATA).withDelayReply("$E", HOLD_END)
                .withHeaderLastFlag(headerLastFlag));
    }

    /** The packets of a Play response over {@code entries} copies of sample.asf up to its last $D: $E 1, $C between. */
    static int framesUpToLastData(int entries) {
        return entries * (1 + AsfFile.sample().packetCount()) + (entries - 1) * 2;
    }

    /**
     * Judges that the client read the Play response to its last $D: it stayed until the server wrote its final $E,
     * or hung up only once every $D had been written (a player may stop once it has every packet the header
     * announced). The server is {@link #paced}, so a client that gave up earlier shows as a hang-up after fewer.
     */
    static void readToEnd(ClientContext ctx, Level level, int frames, String what) {
        RecordedRequest play = play(ctx);
        List<ConnectionEvent> ev = ctx.events().stream().filter(e -> e.connection() == play.connection()).toList();
        boolean end = ev.stream().anyMatch(e -> e.what() == What.END_OF_STREAM);
        long written = ev.stream().filter(e -> e.what() == What.CLOSED_BY_CLIENT).map(e -> AFTER.matcher(e.detail()))
                .filter(java.util.regex.Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(-1);
        ctx.check(ctx.clientCase().section(), level, end || written >= frames, what + ": the client hung up the Play"
                + " response before its last $D", frames + " packets or more written (the last $D), or the final $E",
                written < 0 ? "no final $E; the Play connection saw " + ev.stream().map(e -> e.what() + " "
                        + e.detail()).toList() : "hung up after " + written + " packets");
    }

    private static final Pattern AFTER = Pattern.compile("after (\\d+) packets");
}
