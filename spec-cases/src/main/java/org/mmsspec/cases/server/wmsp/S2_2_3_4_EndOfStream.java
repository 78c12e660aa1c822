package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshPacket;

/** MS-WMSP 2.2.3.4: the $E packet. */
final class S2_2_3_4_EndOfStream {

    private S2_2_3_4_EndOfStream() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("2.2.3.4", "$E (End-of-Stream Notification) Packet");
        g.add(1, MUST, "The $E that ends a one-file Play has PacketLength 4 and Reason 0 (S_OK)")
                .covers("R1", "R2", "R3").run(ctx -> {
                    ctx.requireStored();
                    MmshResponse r = Wmsp.play(ctx);
                    MmshPacket last = S3_2_4_1_LastDataPacket.last(ctx, r);
                    ctx.mustEqual("PacketLength of $E", 4, last.framing().PacketLength());
                    ctx.mustEqual("Reason of the $E after the only entry", MmshEnd.S_OK, ((MmshEnd) last).Reason());
                });
        return g;
    }
}
