package org.mmsspec.cases.client.mmsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.cases.client.ClientContext.Sent;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartStriding;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.mmsp.Transcript;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Mutation.Quirk;
import org.mmsspec.server.scenario.Scenario;

/** Steps the cases about what a client sends over MMST share: views of what it sent, and the servers they need. */
final class Sends {

    /** Long enough for a client that stops waiting for a reply: MPlayer sends its next message after about 10 s. */
    static final Duration PATIENCE = Duration.ofSeconds(11);
    /** The openFileId the "echo the server's openFileId" cases serve: not the 1 that clients hard-wire. */
    static final long FILE_ID = 7;

    private Sends() {
    }

    /** The first message of {@code type}; skips the case where the client never sent one (it is optional). */
    static <T extends MmsMessage> T sentOrSkip(ClientContext ctx, Class<T> type) {
        ctx.requireMmst();
        Optional<T> m = ctx.first(type);
        if (m.isEmpty()) {
            ctx.skip("the client never sent " + type.getSimpleName() + "; it sent " + ctx.names());
        }
        return m.orElseThrow();
    }

    /** What the client sent, one list per MMST connection, in order. */
    static Collection<List<Sent>> byConnection(ClientContext ctx) {
        return ctx.sent().stream().collect(Collectors.groupingBy(Sent::connection, java.util.TreeMap::new,
                Collectors.toList())).values();
    }

    /** The TcpMessageHeader of every command packet, one list per connection, in order. */
    static List<List<TcpMessageHeader>> headers(ClientContext ctx) {
        ctx.requireMmst();
        List<List<TcpMessageHeader>> out = new ArrayList<>();
        for (Transcript t : ctx.mmstConnections()) {
            out.add(t.entries().stream().map(Transcript.Entry::header).filter(h -> h != null).toList());
        }
        return out;
    }

    /** The message right after the first {@code type} on its connection, if any. */
    static Optional<MmsMessage> after(ClientContext ctx, Class<? extends MmsMessage> type) {
        for (List<Sent> c : byConnection(ctx)) {
            for (int i = 0; i < c.size(); i++) {
                if (type.isInstance(c.get(i).message())) {
                    return i + 1 < c.size() ? Optional.of(c.get(i + 1).message()) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Codec violations of any section whose number starts with {@code prefix}. */
    static List<Violation> violations(ClientContext ctx, String prefix) {
        return ctx.mmstConnections().stream().flatMap(t -> t.entries().stream())
                .flatMap(e -> e.violations().stream()).filter(v -> v.section().number().startsWith(prefix)).toList();
    }

    /** The ASF streams of the file the case serves first. */
    static Set<Integer> servedStreams(ClientContext ctx) {
        AsfFile f = ctx.scenario().media().get(0).files().get(0);
        return f.streams().stream().map(AsfFile.Stream::number).collect(Collectors.toSet());
    }

    /** One message of a connection, and whether the client was streaming when it sent it. */
    interface Step {
        void at(Sent s, boolean streaming);
    }

    /**
     * Walks each connection that never saw the content end, telling each message whether it came while streaming
     * (after StartPlaying or StartStriding, before StopPlaying). Meant for a server paced in real time and a client
     * stopped mid-stream, where the end of the content never comes between.
     */
    static void walkStreaming(ClientContext ctx, Step step) {
        ctx.requireMmst();
        if (!ctx.hasSent(LinkViewerToMacStartPlaying.class) && !ctx.hasSent(LinkViewerToMacStartStriding.class)) {
            ctx.skip("the client never started streaming; it sent " + ctx.names());
        }
        Set<Long> ended = Set.copyOf(ctx.events().stream().filter(e -> e.what() == What.END_OF_STREAM)
                .map(ConnectionEvent::connection).toList());
        for (List<Sent> c : byConnection(ctx)) {
            if (ended.contains(c.get(0).connection())) {
                continue; // after the end of the content the client is READY again, whenever that was
            }
            boolean streaming = false;
            for (Sent s : c) {
                step.at(s, streaming);
                if (s.message() instanceof LinkViewerToMacStartPlaying
                        || s.message() instanceof LinkViewerToMacStartStriding) {
                    streaming = true;
                } else if (s.message() instanceof LinkViewerToMacStopPlaying) {
                    streaming = false;
                }
            }
        }
    }

    // ---- until conditions

    /** Once the client has sent {@code type}, or {@link #PATIENCE} after its first connection. */
    static Predicate<ClientContext> sentOrWaited(Class<? extends MmsMessage> type) {
        return ctx -> ctx.hasSent(type) || ctx.since(What.ACCEPTED, PATIENCE);
    }

    /** Once the server has been streaming for {@code d}: a player asked to stop then stops mid-stream. */
    static Predicate<ClientContext> streamingFor(Duration d) {
        return ctx -> ctx.since(What.STREAMING, d);
    }

    // ---- servers

    /** A server that never sends the named reply (the client must keep waiting). */
    static Scenario.Builder withholding(Scenario.Builder b, String reply) {
        return b.faults(Faults.NONE.withDropReply(reply));
    }

    /** A server giving openFileId 7 that lets a client using another id go on, so every later message shows it. */
    static Scenario.Builder fileId7(Scenario.Builder b) {
        return b.openFileId(FILE_ID).mutation(quirks(Quirk.ACCEPT_ANY_OPEN_FILE_ID));
    }

    /** A server paced in real time, so that the stream is still running when the client is stopped. */
    static Scenario.Builder realTime(Scenario.Builder b) {
        return b.pacing(org.mmsspec.server.scenario.Pacing.REALTIME);
    }

    static Mutation quirks(Quirk... qs) {
        Set<Quirk> set = Set.of(qs);
        return new Mutation() {
            @Override
            public boolean has(Quirk q) {
                return set.contains(q);
            }

            @Override
            public String toString() {
                return "quirks " + set;
            }
        };
    }
}
