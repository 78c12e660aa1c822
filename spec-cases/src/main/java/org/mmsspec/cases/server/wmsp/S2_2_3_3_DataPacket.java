package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.codec.DataPacket;

/** MS-WMSP 2.2.3.3: a $D carries one ASF data packet, its padding cut off. */
final class S2_2_3_3_DataPacket {

    private S2_2_3_3_DataPacket() {
    }

    /** A Play's $D and the File Properties packet size they are measured against. */
    record Played(List<DataPacket> data, long packetSize) {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("2.2.3.3", "$D (Data) Packet");
        g.add(1, MUST, "Each $D payload is one ASF packet: it parses as one and is no longer than the packet size")
                .covers("R4").run(ctx -> {
                    Played p = play(ctx);
                    for (DataPacket d : p.data()) {
                        int n = d.Payload().length();
                        ctx.must(n > 0 && n <= p.packetSize() && Asf.paddingLength(d.Payload().toArray()) >= 0,
                                "$D at LocationId " + d.LocationId() + " holds one ASF packet of at most "
                                        + p.packetSize() + " bytes, not " + n + " bytes starting "
                                        + d.Payload().hex().substring(0, Math.min(16, 2 * n)));
                    }
                });
        g.add(2, SHOULD, "The ASF packets of $D come without Padding Data (Padding Length 0) to an NSPlayer/9 client")
                .covers("R5").run(ctx -> {
                    for (DataPacket d : play(ctx).data()) {
                        long padding = Asf.paddingLength(d.Payload().toArray());
                        ctx.shouldEqual("Padding Length of the ASF packet in $D at LocationId " + d.LocationId(), 0L,
                                padding);
                    }
                });
        g.add(3, MUST, "A $D shorter than the packet size (its padding cut off) says Padding Length 0").covers("R6")
                .run(ctx -> {
                    Played p = play(ctx);
                    for (DataPacket d : p.data()) {
                        if (d.Payload().length() < p.packetSize()) {
                            ctx.mustEqual("Padding Length of the cut ASF packet in $D at LocationId "
                                    + d.LocationId() + " (" + d.Payload().length() + " of " + p.packetSize()
                                    + " bytes)", 0L, Asf.paddingLength(d.Payload().toArray()));
                        }
                    }
                });
        return g;
    }

    static Played play(CaseContext ctx) {
        MmshResponse r = Wmsp.play(ctx);
        long size = Asf.maxPacketSize(r.asfHeader());
        ctx.must(size > 0, "the Play's ASF header has a File Properties Object with a packet size");
        ctx.must(!r.data().isEmpty(), "the Play sends $D: " + r.end().summary());
        return new Played(r.data(), size);
    }
}
