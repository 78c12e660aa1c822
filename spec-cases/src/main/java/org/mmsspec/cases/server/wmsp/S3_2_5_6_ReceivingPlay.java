package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.Target;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.asf.AsfDataPacket;
import org.mmsspec.codec.mmsh.MmshChange;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshMetadata;
import org.mmsspec.codec.mmsh.MmshPacket;

/** MS-WMSP 3.2.5.6: what a server does with a Play request. */
final class S3_2_5_6_ReceivingPlay {

    static final String FRAMED_TYPE = "application/x-mms-framed";
    static final String UNSET = "4294967295";
    /** How long after a Play on a LAN its session is surely STREAMING. */
    private static final Duration STREAMING_BY = Duration.ofMillis(300);

    private S3_2_5_6_ReceivingPlay() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("3.2.5.6", "Receiving a Play Request");
        g.add(1, MUST, "Play with the Describe's client-id and every stream gets 200, ($M) $H, then $D")
                .covers("R6", "R14", "R16").run(ctx -> {
                    MmshResponse r = Wmsp.play(ctx);
                    ctx.mustEqual("status of the Play response", 200, r.status());
                    List<MmshPacket> p = r.packets();
                    int h = 0;
                    while (h < p.size() && p.get(h) instanceof MmshMetadata) {
                        h++;
                    }
                    ctx.must(h < p.size() && p.get(h) instanceof MmshHeader,
                            "the Play body opens with ($M) $H; it holds " + names(p));
                    ctx.must(p.stream().anyMatch(x -> x instanceof MmshData),
                            "$D packets follow the header; the body ended: " + r.end().summary());
                });
        g.add(2, SHOULD, "Play response has Content-Type application/x-mms-framed").covers("R13")
                .erratum("application/octet-stream is allowed (MAY, as WMS on Windows NT 4.0 and 2000 sent it), and "
                        + "still misses the SHOULD").run(ctx -> {
                    MmshResponse r = Wmsp.play(ctx);
                    ctx.shouldEqual("Content-Type of the Play response", FRAMED_TYPE, r.header("Content-Type"));
                });
        g.add(3, MUST, "Play with the client-id a Describe gave keeps that session: same client-id, or xResetStrm=1")
                .covers("R2", "R3", "WMSP-3.2.5.2-R7").run(ctx -> {
                    Wmsp.Described d = Wmsp.describe(ctx);
                    MmshResponse r = d.play(ctx);
                    ctx.mustEqual("status of the Play response", 200, r.status());
                    ctx.must(r.clientId() == d.clientId() || "1".equals(Wmsp.pragma(r, "xResetStrm")),
                            "the Play response names client-id=" + d.clientId() + " (or says xResetStrm=1), not "
                                    + Wmsp.pragma(r, "client-id"));
                });
        g.add(4, MUST, "Play naming a client-id no session has fails, or succeeds with xResetStrm=1").covers("R2", "R3")
                .run(ctx -> {
                    List<String> p = new ArrayList<>(List.of("client-id=" + S3_2_5_4_ReceivingDescribe.UNKNOWN_ID));
                    p.addAll(Wmsp.selectAll(Wmsp.streams(Wmsp.describe(ctx).response())));
                    MmshResponse r = Wmsp.client(ctx).play(Wmsp.path(ctx), p.toArray(String[]::new));
                    ctx.must(Wmsp.refused(r) || "1".equals(Wmsp.pragma(r, "xResetStrm")),
                            "an unknown client-id gets an HTTP error or xResetStrm=1; the response was "
                                    + (r.head() == null ? r.end().summary() : r.head().startLine()
                                            + " with Pragma " + r.head().all("Pragma")));
                });
        g.add(5, MUST, "Play without client-id starts a session of its own and names its client-id").covers("R1")
                .run(ctx -> {
                    var streams = Wmsp.streams(Wmsp.describe(ctx).response());
                    MmshResponse r = Wmsp.client(ctx).play(Wmsp.path(ctx),
                            Wmsp.selectAll(streams).toArray(String[]::new));
                    ctx.mustEqual("status of a Play without client-id", 200, r.status());
                    ctx.must(r.clientId() >= 0, "the response names the new session's client-id: "
                            + r.head().all("Pragma"));
                });
        g.add(6, SHOULD, "Play with version11-enabled=1 is answered in HTTP/1.1 with chunked transfer coding")
                .covers("R11").run(ctx -> {
                    MmshResponse r = Wmsp.play(ctx, "version11-enabled=1");
                    ctx.should(r.head().startLine().startsWith("HTTP/1.1") && r.head().chunked(),
                            "the response is HTTP/1.1 and chunked: " + r.head().startLine() + ", Transfer-Encoding "
                                    + r.header("Transfer-Encoding"));
                });
        g.add(7, MUST, "Play without version11-enabled is not answered with chunked transfer coding").covers("R12")
                .run(ctx -> {
                    MmshResponse r = Wmsp.play(ctx);
                    ctx.must(!r.head().chunked(), "Transfer-Encoding is not chunked: " + r.header("Transfer-Encoding"));
                });
        g.add(8, MUST, "Play without stream-switch-entry selects no stream: no $D comes").covers("R5")
                .erratum("on a live target the case reads " + Wmsp.LIVE_TIME.toSeconds() + " s of the body")
                .run(ctx -> {
                    Wmsp.Described d = Wmsp.describe(ctx);
                    MmshResponse r = d.client().play(Wmsp.path(ctx), "client-id=" + d.clientId());
                    long data = r.data().size();
                    ctx.mustEqual("$D packets in a Play that selected no stream", 0L, data);
                });
        g.add(9, MUST, "Play with stream-time in mid-file starts later than one from time 0").covers("R7", "R10")
                .run(ctx -> {
                    ctx.requireStored();
                    Wmsp.Described s = Wmsp.describe(ctx);
                    List<DataPacket> all = s.playAt(ctx, position("0", UNSET, UNSET)).data();
                    ctx.must(all.size() >= 4, "a Play from time 0 brings several $D, not " + all.size());
                    ctx.mustEqual("LocationId of the first $D from stream-time 0", 0L, all.get(0).LocationId());
                    long half = halfTime(s);
                    List<DataPacket> later = s.playAt(ctx, position(Long.toString(half), UNSET, UNSET)).data();
                    ctx.must(!later.isEmpty() && later.size() < all.size() && later.get(0).LocationId() > 0,
                            "a Play from stream-time " + half + " ms sends fewer $D, from a packet after 0: "
                                    + firsts(later) + " of " + all.size());
                });
        g.add(10, MUST, "Play with stream-time=0 and packet-num=2 starts at ASF packet 2").covers("R8").run(ctx -> {
            ctx.requireStored();
            List<DataPacket> d = Wmsp.describe(ctx).playAt(ctx, position("0", "2", UNSET)).data();
            ctx.must(!d.isEmpty(), "the Play sends $D");
            ctx.mustEqual("LocationId of the first $D", 2L, d.get(0).LocationId());
        });
        g.add(11, MUST, "Play with stream-offset at the start of ASF packet 3 starts there").covers("R9").run(ctx -> {
            ctx.requireStored();
            Wmsp.Described s = Wmsp.describe(ctx);
            byte[] h = s.response().asfHeader();
            long packetSize = Asf.maxPacketSize(h);
            ctx.must(packetSize > 0 && Asf.headerObjectSize(h) > 0, "the ASF header gives sizes to seek by");
            long offset = Asf.headerObjectSize(h) + Asf.DATA_OBJECT_START + 3 * packetSize;
            List<DataPacket> d = s.playAt(ctx, position("0", UNSET, "0:" + offset)).data();
            ctx.must(!d.isEmpty(), "the Play sends $D");
            ctx.mustEqual("LocationId of the first $D after stream-offset=0:" + offset, 3L, d.get(0).LocationId());
        });
        g.add(12, MUST, "stream-time in mid-file wins over packet-num=0").covers("R7").run(ctx -> {
            ctx.requireStored();
            Wmsp.Described s = Wmsp.describe(ctx);
            List<DataPacket> d = s.playAt(ctx, position(Long.toString(halfTime(s)), "0", UNSET)).data();
            ctx.must(!d.isEmpty() && d.get(0).LocationId() > 0,
                    "the Play starts after packet 0 as stream-time asks: " + firsts(d));
        });
        g.add(13, MUST, "NSPlayer/6.4 Play, unknown client-id, request-context=2: after xResetStrm, $H $E(1) $C(0) $H")
                .covers("R15").run(ctx -> {
                    List<String> p = new ArrayList<>(List.of("client-id=" + S3_2_5_4_ReceivingDescribe.UNKNOWN_ID));
                    p.addAll(Wmsp.selectAll(Wmsp.streams(Wmsp.describe(ctx).response())));
                    MmshResponse r = Wmsp.client(ctx).userAgent(Wmsp.OLD_PLAYER).play(Wmsp.path(ctx),
                            p.toArray(String[]::new));
                    if (!"1".equals(Wmsp.pragma(r, "xResetStrm"))) {
                        ctx.skip("the server did not reset the session (3.2.5.6-04 judges that)");
                    }
                    List<String> kinds = r.packets().stream().map(x -> x instanceof MmshEnd e ? "$E" + e.Reason()
                            : x instanceof MmshChange c ? "$C" + c.Reason() : "$" + x.type()).toList();
                    int e = kinds.indexOf("$E1");
                    ctx.must(e > 0 && kinds.subList(0, e).stream().allMatch("$H"::equals)
                            && kinds.size() > e + 2 && kinds.get(e + 1).equals("$C0") && kinds.get(e + 2).equals("$H"),
                            "the body runs $H..., $E(1), $C(0), $H...: " + kinds.subList(0, Math.min(8, kinds.size())));
                });
        g.add(14, SHOULD, "Play naming the client-id of a session still streaming, from a second connection, is"
                + " refused").covers("R17").run(ctx -> {
                    // paced: the first Play's body lasts seconds, so its session is STREAMING when the second comes
                    Target.Endpoint at = ctx.target().pacedEndpoint();
                    String path = "/" + at.path();
                    MmshClient first = ctx.mmsh(at.host(), at.httpPort());
                    MmshResponse d = first.describe(path);
                    ctx.must(d.clientId() >= 0, "the Describe response names a client-id");
                    List<String> p = new ArrayList<>(List.of("client-id=" + d.clientId()));
                    p.addAll(Wmsp.selectAll(Wmsp.streams(d)));
                    String[] pragmas = p.toArray(String[]::new);
                    CompletableFuture<MmshResponse> firstPlay = CompletableFuture.supplyAsync(
                            () -> first.play(path, pragmas));
                    try {
                        Thread.sleep(STREAMING_BY.toMillis());
                        if (firstPlay.isDone()) {
                            ctx.skip("the first Play's body ended within " + STREAMING_BY.toMillis() + " ms: the "
                                    + "target does not pace, so no session is left streaming");
                        }
                        // its head is the answer: a body served anyway may be endless (live)
                        MmshResponse second = ctx.mmsh(at.host(), at.httpPort()).readAtMost(1, ctx.timeout())
                                .play(path, pragmas);
                        ctx.should(Wmsp.refused(second), "a second Play for a streaming session is refused, not "
                                + (second.head() == null ? second.end().summary() : second.head().startLine()));
                    } finally {
                        first.close(); // the first play's reader ends with its connection
                    }
                });
        g.add(15, MUST, "Play selecting one stream of several gets $D carrying payloads of that stream only")
                .covers("R4").run(ctx -> {
                    Wmsp.Described d = Wmsp.describe(ctx);
                    Set<Integer> all = Wmsp.streams(d.response());
                    if (all.size() < 2) {
                        ctx.skip("the media has one stream: there is nothing to leave out");
                    }
                    int on = all.iterator().next();
                    MmshResponse r = d.playOnly(ctx, Set.of(on));
                    ctx.mustEqual("status of the Play response", 200, r.status());
                    ctx.must(!r.data().isEmpty(), "$D packets follow: " + r.end().summary());
                    for (DataPacket p : r.data()) {
                        List<Integer> streams = payloadStreams(ctx, p);
                        ctx.must(streams.stream().allMatch(n -> n == on), "$D " + p.LocationId()
                                + " carries payloads of streams " + streams + " where only " + on + " is selected");
                    }
                });
        return g;
    }

    /** The stream numbers of the payloads of the ASF data packet a $D carries; one that does not parse fails. */
    private static List<Integer> payloadStreams(CaseContext ctx, DataPacket p) {
        try {
            return AsfDataPacket.parse(p.Payload().toArray()).streamNumbers();
        } catch (MalformedInputException e) {
            ctx.must(false, "the ASF data packet of $D " + p.LocationId() + " parses: " + e.getMessage());
            throw e;
        }
    }

    /** The position tokens of a Play: {@code UNSET} leaves packet-num or stream-offset unset. */
    static String position(String streamTime, String packetNum, String streamOffset) {
        return "stream-time=" + streamTime + ",packet-num=" + packetNum + ",stream-offset="
                + (streamOffset.equals(UNSET) ? UNSET + ":" + UNSET : streamOffset);
    }

    /** Half the stored file's play time, in ms: a stream-time well inside it. */
    static long halfTime(Wmsp.Described s) {
        return Math.max(1, Asf.playMillis(s.response().asfHeader()) / 2);
    }

    /** The packet types of a body, its first and last four where it is long. */
    static String names(List<MmshPacket> p) {
        List<String> t = p.stream().map(x -> "$" + x.type()).toList();
        return t.size() <= 8 ? t.toString() : t.subList(0, 4) + "..." + t.subList(t.size() - 4, t.size());
    }

    static String firsts(List<DataPacket> d) {
        return "LocationIds " + d.stream().limit(4).map(DataPacket::LocationId).toList()
                + (d.size() > 4 ? "... (" + d.size() + ")" : "");
    }
}
