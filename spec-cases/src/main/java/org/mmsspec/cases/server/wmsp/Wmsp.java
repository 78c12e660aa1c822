package org.mmsspec.cases.server.wmsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsh.MmshHeader;

/**
 * The steps the MS-WMSP cases share: a client whose reads end on a live target, a Describe that opens a session, and a
 * Play in that session with every stream selected, as Windows Media Player 9 sends them.
 */
final class Wmsp {

    static final Section DESCRIBE = Section.wmsp("3.2.5.4");
    /** A live Play body never ends: read this much of it. */
    static final int LIVE_FRAMES = 400;
    static final Duration LIVE_TIME = Duration.ofSeconds(2);
    /** A client version before $M (3.2.4.2) and before 7.0's redirect rules. */
    static final String OLD_PLAYER = "NSPlayer/6.4.0.3928";

    private Wmsp() {
    }

    /** A fresh client; on a live target its reads stop after a bounded part of each body. */
    static MmshClient client(CaseContext ctx) {
        MmshClient c = ctx.mmsh();
        return ctx.target().live() ? c.readAtMost(LIVE_FRAMES, LIVE_TIME) : c;
    }

    static String path(CaseContext ctx) {
        return "/" + ctx.target().media();
    }

    /** A session the server opened with a Describe: the client, the response and the client-id it gave. */
    record Described(MmshClient client, MmshResponse response, long clientId) {

        /** Play in this session, every stream of the header selected, with {@code more} Pragma lines. */
        MmshResponse play(CaseContext ctx, String... more) {
            return playOnly(ctx, streams(response), more);
        }

        /** Play in this session with only the streams {@code on} selected (every stream named, as MS-WMSP 3.1.4.3.1 asks). */
        MmshResponse playOnly(CaseContext ctx, Set<Integer> on, String... more) {
            List<String> p = new ArrayList<>(List.of("client-id=" + clientId));
            p.addAll(select(streams(response), on));
            p.addAll(List.of(more));
            return client.play(path(ctx), p.toArray(String[]::new));
        }

        /**
         * Play in this session from {@code position} (stream-time, packet-num and stream-offset tokens), every stream
         * selected; the position tokens are sent once, so no server has to choose between two of them.
         */
        MmshResponse playAt(CaseContext ctx, String position) {
            List<String> p = new ArrayList<>(List.of("no-cache,rate=1.000," + position
                    + ",request-context=2,max-duration=0", "xPlayStrm=1", "xClientGUID=" + MmshClient.CLIENT_GUID,
                    "client-id=" + clientId));
            p.addAll(selectAll(streams(response)));
            return client.get(path(ctx), p);
        }
    }

    /** Describe of the target's media; a status other than 200 or a missing client-id ends the case (3.2.5.4). */
    static Described describe(CaseContext ctx, String... pragmas) {
        MmshClient c = client(ctx);
        MmshResponse r = c.describe(path(ctx), pragmas);
        ctx.check(DESCRIBE, Level.MUST, r.status() == 200, "Describe of " + path(ctx) + " is answered 200", "200",
                r.head() == null ? r.end().summary() : r.head().startLine());
        long id = r.clientId();
        ctx.check(Section.wmsp("3.2.5.2"), Level.MUST, id >= 0, "the Describe response names a client-id",
                "Pragma: client-id=<0..4294967295>", String.valueOf(r.head().pragma("client-id")));
        return new Described(c, r, id);
    }

    /** A Play in a session of its own, every stream selected. */
    static MmshResponse play(CaseContext ctx, String... more) {
        return describe(ctx).play(ctx, more);
    }

    /** The stream numbers of the ASF header a response carried. */
    static Set<Integer> streams(MmshResponse r) {
        return new AsfHeader(r.packets().stream().filter(p -> p instanceof MmshHeader)
                .map(p -> ((MmshHeader) p).packet()).toList()).streamNumbers();
    }

    /** stream-switch-count and stream-switch-entry (alone on its line, 2.2.1.4.27) turning on {@code streams}. */
    static List<String> selectAll(Set<Integer> streams) {
        return select(streams, streams);
    }

    /** The same, naming every stream of {@code all}: those in {@code on} at thinning level 0, the others off (2). */
    static List<String> select(Set<Integer> all, Set<Integer> on) {
        String entries = all.stream().map(n -> String.format("ffff:%x:%d", n, on.contains(n) ? 0 : 2))
                .collect(Collectors.joining(" "));
        return List.of("stream-switch-count=" + all.size(), "stream-switch-entry=" + entries);
    }

    /** The Pragma token {@code name}'s value in a response, or null. */
    static String pragma(MmshResponse r, String name) {
        return r.head() == null ? null : r.head().pragma(name);
    }

    /** A response that refuses: an HTTP status of 400 or more. */
    static boolean refused(MmshResponse r) {
        return r.status() >= 400;
    }
}
