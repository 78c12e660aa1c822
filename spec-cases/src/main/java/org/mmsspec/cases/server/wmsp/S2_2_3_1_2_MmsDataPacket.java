package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.codec.DataPacket;

/** MS-WMSP 2.2.3.1.2: the MMS data packet inside $D, $H and $M. */
final class S2_2_3_1_2_MmsDataPacket {

    private S2_2_3_1_2_MmsDataPacket() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("2.2.3.1.2", "MMS Data Packet");
        g.add(1, MUST, "$D AFFlags of a Play response count 0, 1, 2... one up per $D").covers("R11", "R12", "R13")
                .run(ctx -> counts(ctx, Wmsp.play(ctx).data()));
        g.add(2, MUST, "Play from the start of a stored file: the first $D is LocationId 0, then LocationIds rise")
                .covers("R5", "R6", "R7").run(ctx -> {
                    ctx.requireStored();
                    List<DataPacket> d = Wmsp.play(ctx).data();
                    ctx.must(!d.isEmpty(), "the Play sends $D");
                    ctx.mustEqual("LocationId of the first $D", 0L, d.get(0).LocationId());
                    rises(ctx, d);
                });
        g.add(3, MUST, "$D LocationIds rise through a Play at rate 1, as in a real or imagined ASF file")
                .covers("R5", "R9").run(ctx -> rises(ctx, Wmsp.play(ctx).data()));
        g.add(4, MUST, "$H pieces: LocationId 0, 1, 2...; AFFlags 0x04 first, 0x00 between, 0x08 last, 0x0C alone")
                .covers("R3", "R4", "R15", "R16", "R17", "R18").run(ctx -> {
                    List<DataPacket> h = S3_2_5_4_ReceivingDescribe.headerPieces(Wmsp.describe(ctx).response());
                    ctx.must(!h.isEmpty(), "the Describe body holds $H");
                    for (int i = 0; i < h.size(); i++) {
                        ctx.mustEqual("LocationId of $H piece " + i, (long) i, h.get(i).LocationId());
                        int want = h.size() == 1 ? 0x0C : i == 0 ? 0x04 : i == h.size() - 1 ? 0x08 : 0x00;
                        ctx.mustEqual("AFFlags of $H piece " + i + " of " + h.size(), want, h.get(i).AFFlags());
                    }
                });
        g.add(5, MUST, "PacketSize of every $H and $D is the MMS data packet's size, its 8 header bytes included")
                .covers("R19").run(ctx -> {
                    MmshResponse r = Wmsp.play(ctx);
                    ctx.must(!r.data().isEmpty(), "the Play sends $D: " + r.end().summary());
                    for (var f : r.frames()) {
                        DataPacket d = f.dataPacket().orElse(null);
                        if (d != null) {
                            ctx.mustEqual("PacketSize of " + f.summary(), DataPacket.HEADER_SIZE + d.Payload().length(),
                                    d.PacketSize());
                        }
                    }
                });
        g.add(6, SHOULD, "The first $D of a second Play in the session has AFFlags 0 again").covers("R12", "R14")
                .run(ctx -> {
                    Wmsp.Described s = Wmsp.describe(ctx);
                    s.play(ctx);
                    List<DataPacket> d = s.play(ctx).data();
                    ctx.must(!d.isEmpty(), "the second Play sends $D");
                    ctx.shouldEqual("AFFlags of the first $D of the second Play", 0, d.get(0).AFFlags());
                });
        return g;
    }

    static void counts(CaseContext ctx, List<DataPacket> d) {
        ctx.must(d.size() >= 2, "the Play sends two or more $D, not " + d.size());
        for (int i = 0; i < d.size(); i++) {
            ctx.mustEqual("AFFlags of $D number " + i + " (LocationId " + d.get(i).LocationId() + ")", i & 0xFF,
                    d.get(i).AFFlags());
        }
    }

    static void rises(CaseContext ctx, List<DataPacket> d) {
        ctx.must(d.size() >= 2, "the Play sends two or more $D, not " + d.size());
        for (int i = 1; i < d.size(); i++) {
            ctx.must(d.get(i).LocationId() > d.get(i - 1).LocationId(), "LocationId rises from $D to $D: "
                    + d.get(i - 1).LocationId() + " then " + d.get(i).LocationId());
        }
    }
}
