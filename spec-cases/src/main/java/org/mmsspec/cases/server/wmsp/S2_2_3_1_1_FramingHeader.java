package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshPacket;

/** MS-WMSP 2.2.3.1.1: the framing header that opens every packet of a body. */
final class S2_2_3_1_1_FramingHeader {

    private S2_2_3_1_1_FramingHeader() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("2.2.3.1.1", "Framing Header");
        g.add(1, MUST, "Every packet of a Describe body opens with Frame 0x24 and a PacketID of 2.2.3").covers("R3")
                .run(ctx -> framed(ctx, Wmsp.describe(ctx).response()));
        g.add(2, MUST, "Every packet of a Play body opens with Frame 0x24 and a PacketID of 2.2.3").covers("R3")
                .run(ctx -> framed(ctx, Wmsp.play(ctx)));
        g.add(3, MUST, "The $E that ends a stored file's Play body has B 0: nothing follows it").covers("R2")
                .run(ctx -> {
                    ctx.requireStored();
                    MmshResponse r = Wmsp.play(ctx);
                    var p = r.packets();
                    ctx.must(!p.isEmpty() && p.get(p.size() - 1) instanceof MmshEnd,
                            "the body ends with $E: " + S3_2_5_6_ReceivingPlay.names(p) + ", " + r.end().summary());
                    ctx.mustEqual("B of the last $E", 0, p.get(p.size() - 1).framing().B());
                });
        return g;
    }

    /** Each packet is framed and decodable: Frame 0x24 and a PacketID of a known type. */
    static void framed(CaseContext ctx, MmshResponse r) {
        ctx.must(!r.frames().isEmpty(), "the body holds packets: " + r.end().summary());
        for (Outcome.Received f : r.frames()) {
            ctx.must(!f.undecodable(), "a packet of the body cannot be read: " + f.summary());
            MmshPacket p = f.mmsh().orElseThrow();
            ctx.mustEqual("Frame of $" + p.type(), 0x24, p.framing().Frame());
        }
        ctx.must(!(r.end() instanceof Outcome.Lost), "the body can be cut into packets: " + r.end().summary());
    }
}
