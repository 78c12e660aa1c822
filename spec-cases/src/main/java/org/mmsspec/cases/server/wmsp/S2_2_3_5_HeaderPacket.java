package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;

/** MS-WMSP 2.2.3.5: $H carries the ASF header, Header Object and the Data Object's first 50 bytes. */
final class S2_2_3_5_HeaderPacket {

    private S2_2_3_5_HeaderPacket() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("2.2.3.5", "$H (Header) Packet");
        g.add(1, MUST, "The $H of a Describe carry the whole ASF Header Object and the Data Object's first 50 bytes")
                .covers("R4").run(ctx -> asfHeader(ctx, Wmsp.describe(ctx).response()));
        g.add(2, MUST, "The $H of a Play carry the whole ASF Header Object and the Data Object's first 50 bytes")
                .covers("R4").run(ctx -> asfHeader(ctx, Wmsp.play(ctx)));
        return g;
    }

    static void asfHeader(CaseContext ctx, MmshResponse r) {
        byte[] h = r.asfHeader();
        long size = Asf.headerObjectSize(h);
        ctx.must(size > 0, "the $H payload opens with the ASF Header Object GUID: "
                + org.mmsspec.codec.Bytes.view(h, 0, Math.min(h.length, 16)).hex());
        ctx.mustEqual("bytes of the $H payloads (Header Object size + 50)", size + Asf.DATA_OBJECT_START,
                (long) h.length);
        ctx.must(Asf.startsWith(h, (int) size, Asf.DATA_OBJECT),
                "the Data Object GUID follows the Header Object at offset " + size);
    }
}
