package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshPacket;

/** MS-WMSP 3.2.4.1: what follows the last $D of a stored file. */
final class S3_2_4_1_LastDataPacket {

    private S3_2_4_1_LastDataPacket() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("3.2.4.1", "Notification That the Last $D Packet Has Been Sent");
        g.add(1, MUST, "A $E follows the last $D of a one-file Play, and the body ends after it").covers("R1")
                .run(ctx -> {
                    ctx.requireStored();
                    MmshResponse r = Wmsp.play(ctx);
                    List<MmshPacket> p = r.packets();
                    last(ctx, r);
                    ctx.must(p.size() >= 2 && p.get(p.size() - 2) instanceof MmshData,
                            "the $E comes right after the last $D: " + S3_2_5_6_ReceivingPlay.names(p));
                });
        g.add(2, MUST, "In a chunked Play response the $E with Reason 0 is followed by the zero-length chunk")
                .covers("R4").run(ctx -> {
                    ctx.requireStored();
                    MmshResponse r = Wmsp.play(ctx, "version11-enabled=1");
                    if (!r.head().chunked()) {
                        ctx.skip("the server did not answer with chunked transfer coding");
                    }
                    last(ctx, r);
                    ctx.must(r.complete(), "the last chunk (size 0) ends the body after $E: " + r.end().summary());
                });
        g.add(3, MUST, "After the end of stream the session is idle: a Describe with its client-id gets 200")
                .covers("R8", "WMSP-3.2.5.4-R5").run(ctx -> {
                    ctx.requireStored();
                    Wmsp.Described s = Wmsp.describe(ctx);
                    last(ctx, s.play(ctx));
                    MmshResponse again = s.client().describe(Wmsp.path(ctx), "client-id=" + s.clientId());
                    ctx.mustEqual("status of a Describe in the session after its $E", 200, again.status());
                });
        return g;
    }

    /** The $E that ends a whole body; ends the case where the body has none. */
    static MmshPacket last(CaseContext ctx, MmshResponse r) {
        List<MmshPacket> p = r.packets();
        ctx.must(r.complete(), "the Play body of a stored file ends: " + r.end().summary());
        ctx.must(!p.isEmpty() && p.get(p.size() - 1) instanceof MmshEnd,
                "the body ends with $E: " + S3_2_5_6_ReceivingPlay.names(p));
        return p.get(p.size() - 1);
    }
}
