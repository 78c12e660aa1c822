package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/** MS-MMSP 2.2: byte order. */
final class S2_2_MessageSyntax {

    /** 0xB00BFACE least significant byte first. */
    private static final Bytes SESSION_ID_WIRE = Bytes.ofHex("CEFA0BB0");
    /** 0x20534D4D least significant byte first: "MMS " in ASCII. */
    private static final Bytes SEAL_WIRE = Bytes.ofHex("4D4D5320");
    /** The high word of a server MID, 0x0004, least significant byte first, at offset 6 of each message. */
    private static final Bytes MAC_TO_VIEWER_WIRE = Bytes.ofHex("0400");

    private S2_2_MessageSyntax() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2", "Message Syntax");
        g.add(1, MUST, "The constants of every reply lie least significant byte first: sessionId, seal, MID high word")
                .covers("R1").run(ctx -> {
                    for (Played.Reply r : Played.play(ctx).replies()) {
                        ctx.mustEqual("sessionId bytes of " + r.label(), SESSION_ID_WIRE.hex(),
                                slice(r.raw(), 4, 4).hex());
                        ctx.mustEqual("seal bytes of " + r.label(), SEAL_WIRE.hex(), slice(r.raw(), 12, 4).hex());
                        ctx.mustEqual("MID high word bytes of " + r.label(), MAC_TO_VIEWER_WIRE.hex(),
                                slice(r.raw(), TcpMessageHeader.SIZE + 6, 2).hex());
                    }
                });
        return g;
    }

    private static Bytes slice(Bytes b, int from, int n) {
        return from + n <= b.length() ? Bytes.view(b.toArray(), from, n) : Bytes.EMPTY;
    }
}
