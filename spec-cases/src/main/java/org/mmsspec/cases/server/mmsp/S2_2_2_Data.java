package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.TranscriptEntry;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Profile;

/**
 * MS-MMSP 2.2.2: the Data packet header. LocationId counts header fragments from 0 and numbers content packets by
 * their place in the ASF file; AFFlags marks header fragments and counts content packets.
 */
final class S2_2_2_Data {

    /** LocationId of the first packet-pair Data packet; the second has the next. */
    private static final long PAIR_LOCATION = 0xF0F0F000L;
    /** Plays allowed for bringing the AFFlags sequence to 0xFE. */
    private static final int MAX_PLAYS = 32;

    private S2_2_2_Data() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.2", "Data");
        g.add(1, MUST, "The first Data packet of the ASF file header has LocationId 0").covers("R1").run(ctx -> {
            DataPacket first = Played.play(ctx).header().fragments().get(0);
            ctx.mustEqual("LocationId of the first header Data packet", 0L, first.LocationId());
        });
        g.add(2, MUST, "LocationId goes up by one from each header Data packet to the next").covers("R2").run(ctx -> {
            List<DataPacket> h = Played.play(ctx).header().fragments();
            for (int i = 0; i < h.size(); i++) {
                ctx.mustEqual("LocationId of header Data packet " + i, (long) i, h.get(i).LocationId());
            }
        });
        g.add(3, MUST, "Playing from position 0 with every stream selected, the first content Data packet has "
                + "LocationId 0").covers("R5").run(ctx -> {
                    ctx.requireStored();
                    var run = Played.play(ctx).firstComplete();
                    ctx.mustEqual("LocationId of the first content Data packet", 0L, run.packets().get(0).LocationId());
                });
        g.add(4, MUST, "LocationId of the content Data packets keeps rising (skips allowed)").covers("R6").run(ctx -> {
            List<DataPacket> d = Played.play(ctx).firstComplete().packets();
            for (int i = 1; i < d.size(); i++) {
                ctx.must(d.get(i).LocationId() > d.get(i - 1).LocationId(), "content Data packet " + i
                        + " has LocationId " + d.get(i).LocationId() + " after " + d.get(i - 1).LocationId());
            }
        });
        g.add(5, MUST, "LocationId of every content Data packet is a packet number below filePacketCount")
                .covers("R4").run(ctx -> {
                    ctx.requireStored();
                    Played p = Played.play(ctx);
                    long count = p.openFile().filePacketCount();
                    for (DataPacket d : p.firstComplete().packets()) {
                        ctx.must(d.LocationId() < count, "LocationId " + d.LocationId()
                                + " is no packet of a file of " + count + " ASF data packets");
                    }
                });
        g.add(6, MUST, "No Data packet of header or content has playIncarnation 0x00").covers("R8").run(ctx -> {
            Played p = Played.play(ctx);
            List<DataPacket> all = new ArrayList<>(p.header().fragments());
            all.addAll(p.firstComplete().packets());
            for (DataPacket d : all) {
                ctx.must(d.playIncarnation() != 0, "Data packet LocationId " + d.LocationId()
                        + " has the reserved playIncarnation 0x00");
            }
        });
        g.add(7, MUST, "The first content Data packet of a session has AFFlags 0x00").covers("R11").run(ctx -> {
            var run = Played.play(ctx).firstComplete();
            ctx.mustEqual("AFFlags of the first content Data packet", 0, run.packets().get(0).AFFlags());
        });
        g.add(8, MUST, "AFFlags goes up by one (modulo 256) from each content Data packet to the next")
                .covers("R10", "R12").run(ctx -> {
                    List<DataPacket> d = Played.play(ctx).firstComplete().packets();
                    for (int i = 1; i < d.size(); i++) {
                        ctx.mustEqual("AFFlags of content Data packet " + i, (d.get(i - 1).AFFlags() + 1) & 0xFF,
                                d.get(i).AFFlags());
                    }
                });
        g.add(9, SHOULD, "After a content Data packet with AFFlags 0xFE, the first Data packet answering the next "
                + "StartPlaying has AFFlags 0x00").covers("R13").run(S2_2_2_Data::restartAfterFe);
        g.add(10, MUST, "Every header Data packet but the last has AFFlags 0x04").covers("R14").run(ctx -> {
            List<DataPacket> h = Played.play(ctx).header().fragments();
            for (int i = 0; i < h.size() - 1; i++) {
                ctx.mustEqual("AFFlags of header Data packet " + i + " of " + h.size(), DataPacket.AF_HEADER_MORE,
                        h.get(i).AFFlags());
            }
        });
        g.add(11, MUST, "The last header Data packet has AFFlags 0x0C (0x08 accepted, as deployed peers take it)")
                .covers("R15")
                .erratum("MS-MMSP 2.2.2 asks 0x0C; its own client rules and MS-WMSP also take 0x08. The default "
                        + "accepts both; --profile literal asks 0x0C.")
                .run(ctx -> {
                    List<DataPacket> h = Played.play(ctx).header().fragments();
                    int last = h.get(h.size() - 1).AFFlags();
                    if (ctx.settings().profile() == Profile.LITERAL) {
                        ctx.mustEqual("AFFlags of the last header Data packet", DataPacket.AF_HEADER_LAST, last);
                    } else {
                        ctx.must(last == DataPacket.AF_HEADER_LAST || last == DataPacket.AF_HEADER_LAST_ALT,
                                "AFFlags of the last header Data packet is 0x0C or 0x08, not 0x"
                                        + Integer.toHexString(last));
                    }
                });
        g.add(12, MUST, "PacketSize of every Data packet on TCP is its length: the stream stays framed up to "
                + "ReportEndOfStream").covers("R17").run(ctx -> {
                    Played p = Played.play(ctx);
                    p.firstComplete();
                    for (TranscriptEntry e : p.client().transcript().entries()) {
                        if (e.direction() == Direction.S2C) {
                            ctx.must(e.kind() != TranscriptEntry.Kind.RAW && e.decoded() != null,
                                    "after a Data packet the stream can no longer be framed: " + e.headline());
                        }
                    }
                });
        g.add(13, MUST, "PacketSize of every Data packet over UDP equals the datagram's length").covers("R17")
                .tags("udp").run(ctx -> {
                    try (PlayedUdp p = PlayedUdp.play(ctx)) {
                        for (TranscriptEntry e : p.client().transcript().entries(
                                x -> x.kind() == TranscriptEntry.Kind.UDP_DATA)) {
                            int size = e.raw().length() < 8 ? -1
                                    : (e.raw().get(6) & 0xFF) | (e.raw().get(7) & 0xFF) << 8;
                            ctx.mustEqual("PacketSize of a datagram of " + e.raw().length() + " bytes",
                                    e.raw().length(), size);
                        }
                    }
                });
        g.add(14, MUST, "Packet-pair over UDP: the two Data packets ahead of the header have LocationId 0xF0F0F000 "
                + "and 0xF0F0F001").covers("R3").tags("udp").run(ctx -> {
                    List<DataPacket> pair = PlayedUdp.packetPair(ctx);
                    for (int i = 0; i < 2; i++) {
                        ctx.mustEqual("LocationId of packet-pair Data packet " + (i + 1), PAIR_LOCATION + i,
                                pair.get(i).LocationId());
                    }
                });
        g.add(15, MUST, "Packet-pair over UDP: both packet-pair Data packets have playIncarnation 0xFF").covers("R9")
                .tags("udp").run(ctx -> {
                    for (DataPacket d : PlayedUdp.packetPair(ctx)) {
                        ctx.mustEqual("playIncarnation of a packet-pair Data packet",
                                DataPacket.PACKET_PAIR_INCARNATION, d.playIncarnation());
                    }
                });
        g.add(16, MUST, "Packet-pair over UDP: both packet-pair Data packets have AFFlags 0x10").covers("R16")
                .tags("udp").run(ctx -> {
                    for (DataPacket d : PlayedUdp.packetPair(ctx)) {
                        ctx.mustEqual("AFFlags of a packet-pair Data packet", DataPacket.AF_PACKET_PAIR, d.AFFlags());
                    }
                });
        return g;
    }

    /**
     * Plays the content again and again, the last play trimmed by a start locationId, until a play ends on AFFlags
     * 0xFE; then one more StartPlaying.
     */
    private static void restartAfterFe(CaseContext ctx) {
        ctx.requireStored();
        long start = System.nanoTime();
        Played p = Played.play(ctx);
        List<DataPacket> full = p.firstComplete().packets();
        Played.Run last = p.first();
        AfFlagsWrap.requireTime(ctx, start, full.size());
        for (int plays = 0; plays < MAX_PLAYS; plays++) {
            int af = last.last().AFFlags();
            if (af == 0xFE) {
                Played.Run next = p.again(0);
                ctx.must(!next.packets().isEmpty(), "Data packets follow the StartPlaying: " + next.end().summary());
                ctx.shouldEqual("AFFlags of the first Data packet after one with AFFlags 0xFE", 0,
                        next.packets().get(0).AFFlags());
                return;
            }
            int need = (0xFE - af) & 0xFF;
            last = p.again(need < full.size() ? full.get(full.size() - need).LocationId() : 0);
            ctx.must(!last.packets().isEmpty() && last.endOfStream() != null,
                    "a further play runs to ReportEndOfStream: " + last.end().summary());
        }
        ctx.skip("the AFFlags sequence did not end a play on 0xFE within " + MAX_PLAYS + " plays");
    }
}
