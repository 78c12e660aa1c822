package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/**
 * MS-MMSP 3.2.5.11.1: each ASF data packet in a Data packet of its own, LocationId its number in the file, AFFlags
 * the low byte of a Sequence that runs on across plays and entries, playIncarnation that of the StartPlaying, over the
 * funnel's transport; only the selected streams' payloads, and no ASF data packet the selection leaves empty.
 */
final class S3_2_5_11_1_SendingAsfDataPackets {

    private S3_2_5_11_1_SendingAsfDataPackets() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.11.1", "Sending Data Packets Containing ASF Data Packets");
        g.add(1, MUST, "Each content Data packet holds one ASF data packet: a payload of 1 to filePacketSize bytes")
                .covers("R1").run(ctx -> {
                    Played p = Played.play(ctx);
                    long max = p.openFile().filePacketSize();
                    for (DataPacket d : p.firstComplete().packets()) {
                        int n = d.Payload().length();
                        ctx.must(n > 0 && n <= max, "content Data packet LocationId " + d.LocationId() + " carries "
                                + n + " bytes, filePacketSize is " + max);
                    }
                });
        g.add(2, MUST, "LocationId is the ASF data packet's number from 0: played again from a later packet, each "
                + "LocationId brings the same payload").covers("R4").run(ctx -> {
                    ctx.requireStored();
                    Played p = Played.play(ctx);
                    List<DataPacket> first = p.firstComplete().packets();
                    ctx.must(first.size() >= 2, "the content has at least two Data packets");
                    ctx.mustEqual("LocationId of the first Data packet played from position 0", 0L,
                            first.get(0).LocationId());
                    Map<Long, Bytes> byLocation = new HashMap<>();
                    first.forEach(d -> byLocation.put(d.LocationId(), d.Payload()));
                    long from = first.get(first.size() / 2).LocationId();
                    var again = p.again(from);
                    ctx.must(!again.packets().isEmpty(), "Data packets follow StartPlaying at locationId " + from);
                    for (DataPacket d : again.packets()) {
                        Bytes before = byLocation.get(d.LocationId());
                        ctx.must(before != null && before.equals(d.Payload()), "LocationId " + d.LocationId()
                                + " brings another payload than in the first play");
                    }
                });
        g.add(3, MUST, "AFFlags runs on across plays: the first Data packet of a second play follows the last of the "
                + "first").covers("R6", "R7").run(ctx -> {
                    ctx.requireStored();
                    Played p = Played.play(ctx);
                    int last = p.firstComplete().last().AFFlags();
                    var again = p.again(0);
                    ctx.must(!again.packets().isEmpty(), "Data packets follow the second StartPlaying");
                    int first = again.packets().get(0).AFFlags();
                    // after 0xFE, 2.2.2 asks a restart at 0x00 instead
                    ctx.must(first == ((last + 1) & 0xFF) || last == 0xFE && first == 0, "AFFlags 0x"
                            + Integer.toHexString(first) + " begins the second play, the first ended on 0x"
                            + Integer.toHexString(last));
                });
        g.add(4, MUST, "AFFlags runs on across playlist entries: the new entry's header packets take no number from it")
                .covers("R7").run(ctx -> {
                    Played p = Played.play(ctx, ctx.handshake(ctx.requirePlaylist()));
                    var first = p.firstComplete();
                    ctx.must(first.endOfStream().hr() == 1, "the playlist has a second entry");
                    var second = p.nextEntry();
                    List<DataPacket> content = content(second);
                    ctx.must(!content.isEmpty(), "the second entry has content Data packets");
                    ctx.mustEqual("AFFlags of the second entry's first content Data packet",
                            (first.last().AFFlags() + 1) & 0xFF, content.get(0).AFFlags());
                });
        g.add(5, MUST, "Content Data packets carry the latest StartPlaying's playIncarnation (two plays)")
                .covers("R8")
                .erratum("MS-MMSP 3.2.5.11 sets Incarnation from the ReadBlock's playIncarnation; 2.2.2, 2.2.4.5 and "
                        + "every client take the StartPlaying's, which the case asks.")
                .run(ctx -> {
                    ctx.requireStored();
                    Played p = Played.play(ctx);
                    var runs = List.of(p.firstComplete(), p.again(0));
                    for (var run : runs) {
                        for (DataPacket d : run.packets()) {
                            ctx.mustEqual("playIncarnation of content Data packet " + d.LocationId(),
                                    run.playIncarnation() & 0xFF, d.playIncarnation());
                        }
                    }
                });
        g.add(6, MUST, "With a TCP funnel, the content Data packets come over the TCP connection").covers("R10")
                .run(ctx -> ctx.must(!Played.play(ctx).first().packets().isEmpty(),
                        "content Data packets came over TCP after StartPlaying"));
        g.add(7, MUST, "With a UDP funnel, the content Data packets come to the client's UDP port, none over TCP")
                .covers("R9").tags("udp").run(ctx -> {
                    try (PlayedUdp p = PlayedUdp.play(ctx)) {
                        ctx.must(!p.content().isEmpty(), "content Data packets came over UDP");
                        ctx.must(p.tcpData().isEmpty(), p.tcpData().size() + " content Data packets came over TCP");
                    }
                });
        g.add(8, MUST, "While streaming, StreamSwitch is taken: ReportStreamSwitch hr 0 comes among the Data packets")
                .covers("R11").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.PLAYING);
                    h.client().send(Played.selectAll(h.header()));
                    var reply = h.client().awaitMessage(LinkMacToViewerReportStreamSwitch.class);
                    ctx.mustEqual("hr of ReportStreamSwitch while streaming", 0L, reply.hr());
                });
        g.add(9, MUST, "StreamSwitch selecting one stream of two: every content Data packet carries payloads of that "
                + "stream only").covers("R2").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    int on = h.header().streamNumbers().iterator().next();
                    for (DataPacket d : playOnly(ctx, h, on)) {
                        Set<Integer> streams = asf(ctx, d).streams();
                        ctx.must(Set.of(on).containsAll(streams), "content Data packet LocationId " + d.LocationId()
                                + " carries payloads of streams " + streams + ", only stream " + on + " was selected");
                    }
                });
        g.add(10, MUST, "StreamSwitch selecting a stream some ASF data packets lack: those packets are not sent, and "
                + "none comes emptied of payloads").covers("R3").run(ctx -> {
                    ctx.requireStored();
                    // a first play of every stream shows which packets hold which stream
                    Map<Integer, Set<Long>> holding = new HashMap<>();
                    for (DataPacket d : content(Played.play(ctx).firstComplete())) {
                        asf(ctx, d).streams().forEach(n -> holding.computeIfAbsent(n, k -> new HashSet<>())
                                .add(d.LocationId()));
                    }
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    long total = holding.values().stream().flatMap(Set::stream).distinct().count();
                    int on = h.header().streamNumbers().stream().filter(n -> holding.containsKey(n)
                            && holding.get(n).size() < total).findFirst().orElseThrow(() -> ctx.skip(
                                    "every ASF data packet holds every stream: no selection empties one"));
                    for (DataPacket d : playOnly(ctx, h, on)) {
                        ctx.must(asf(ctx, d).payloads() > 0, "content Data packet LocationId " + d.LocationId()
                                + " carries an ASF data packet with no payload");
                        ctx.must(holding.get(on).contains(d.LocationId()), "content Data packet LocationId "
                                + d.LocationId() + " is sent, though its ASF data packet has no payload of stream "
                                + on);
                    }
                });
        return g;
    }

    /**
     * The content Data packets of one play after a StreamSwitch that turns stream {@code on} alone on (a case needs
     * two streams, or it has nothing to filter).
     */
    private static List<DataPacket> playOnly(CaseContext ctx, Handshake h, int on) {
        Set<Integer> all = h.header().streamNumbers();
        if (all.size() < 2) {
            ctx.skip("the media has one stream only: " + all);
        }
        h.streamSwitch(LinkViewerToMacStreamSwitch.of(all.stream()
                .map(n -> n == on ? StreamSwitchEntry.on(n) : StreamSwitchEntry.off(n))
                .toArray(StreamSwitchEntry[]::new)));
        List<DataPacket> content = content(Played.play(ctx, h).firstComplete());
        ctx.must(!content.isEmpty(), "content Data packets come for stream " + on);
        return content;
    }

    private static List<DataPacket> content(Played.Run run) {
        return run.packets().stream().filter(d -> d.playIncarnation() != DataPacket.PACKET_PAIR_INCARNATION).toList();
    }

    /** The ASF data packet a content Data packet carries; one that does not parse breaks the case's rule too. */
    private static AsfPacketInfo asf(CaseContext ctx, DataPacket d) {
        try {
            return AsfPacketInfo.of(d.Payload());
        } catch (MalformedInputException e) {
            ctx.must(false, "content Data packet LocationId " + d.LocationId() + " carries an ASF data packet: "
                    + e.getMessage());
            throw e;
        }
    }
}
