package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;
import java.util.function.ToLongFunction;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.TranscriptEntry;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * MS-MMSP 2.2.3: the header of every command packet the server sends. Each case plays one whole session (Connect
 * through ReportEndOfStream) and judges one field in every reply. timeSent is never judged: the sender may choose it
 * freely.
 */
final class S2_2_3_TcpMessageHeader {

    private S2_2_3_TcpMessageHeader() {
    }

    /** What a field must hold in one reply, given the reply and its header. */
    private interface Expected {
        long of(Played.Reply r, TcpMessageHeader h);
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.3", "TcpMessageHeader");
        g.add(1, MUST, "Every reply of a played session has rep 0x01").covers("R1")
                .run(ctx -> everyReply(ctx, MUST, "rep", TcpMessageHeader::rep, (r, h) -> 1));
        g.add(2, MUST, "Every reply of a played session has version 0x00").covers("R2")
                .run(ctx -> everyReply(ctx, MUST, "version", TcpMessageHeader::version, (r, h) -> 0));
        g.add(3, MUST, "Every reply of a played session has versionMinor 0x00").covers("R3")
                .run(ctx -> everyReply(ctx, MUST, "versionMinor", TcpMessageHeader::versionMinor, (r, h) -> 0));
        g.add(4, SHOULD, "Every reply of a played session has the padding byte 0x00").covers("R4")
                .run(ctx -> everyReply(ctx, SHOULD, "padding", TcpMessageHeader::padding, (r, h) -> 0));
        g.add(5, MUST, "Every reply of a played session has sessionId 0xB00BFACE").covers("R6")
                .run(ctx -> everyReply(ctx, MUST, "sessionId", TcpMessageHeader::sessionId,
                        (r, h) -> TcpMessageHeader.SESSION_ID));
        g.add(6, MUST, "messageLength of every reply is 16 plus the chunkLen bytes of the messages it carries")
                .covers("MMSP-3.2.5.2-R2").run(ctx -> {
                    Played p = Played.play(ctx);
                    noLostFraming(ctx, p);
                    everyReply(ctx, p, MUST, "messageLength", TcpMessageHeader::messageLength,
                            (r, h) -> 16 + r.messageArea());
                });
        g.add(7, MUST, "Every reply of a played session has seal 0x20534D4D (\"MMS \")").covers("R7")
                .run(ctx -> everyReply(ctx, MUST, "seal", TcpMessageHeader::seal, (r, h) -> TcpMessageHeader.SEAL));
        g.add(8, MUST, "chunkCount of every reply is messageLength / 8 (the packet size / 8 under the literal profile)")
                .covers("R8")
                .erratum("The spec counts the whole packet ((messageLength + 16) / 8); every deployed peer writes "
                        + "messageLength / 8. The deployed reading is the default; --profile literal judges the words.")
                .run(ctx -> everyReply(ctx, MUST, "chunkCount", TcpMessageHeader::chunkCount,
                        (r, h) -> TcpMessageHeader.expectedChunkCount(h.messageLength(), ctx.settings().profile())));
        g.add(9, MUST, "The server's first command packet has seq 0").covers("R10").run(ctx -> {
            Played.Reply first = Played.play(ctx).replies().get(0);
            ctx.mustEqual("seq of " + first.label(), 0, first.header(ctx).seq());
        });
        g.add(10, MUST, "seq goes up by one from each command packet the server sends to the next (Data packets "
                + "do not count)").covers("R9").run(ctx -> {
                    List<Played.Reply> replies = Played.play(ctx).replies();
                    for (int i = 1; i < replies.size(); i++) {
                        int before = replies.get(i - 1).header(ctx).seq();
                        ctx.mustEqual("seq of " + replies.get(i).label(), (before + 1) & 0xFFFF,
                                replies.get(i).header(ctx).seq());
                    }
                });
        g.add(11, MUST, "Every reply of a played session has MBZ 0x0000").covers("R11")
                .run(ctx -> everyReply(ctx, MUST, "MBZ", TcpMessageHeader::MBZ, (r, h) -> 0));
        g.add(12, MUST, "The MMS message area of every reply is a whole number of 8-byte units").covers("R15")
                .run(ctx -> {
                    for (Played.Reply r : Played.play(ctx).replies()) {
                        int area = r.raw().length() - TcpMessageHeader.SIZE;
                        ctx.must(area >= 0 && area % 8 == 0,
                                "the message area of " + r.label() + " is " + area + " bytes, not a multiple of 8");
                    }
                });
        return g;
    }

    private static void everyReply(CaseContext ctx, Level level, String field, ToLongFunction<TcpMessageHeader> get,
            Expected expected) {
        everyReply(ctx, Played.play(ctx), level, field, get, expected);
    }

    /** Judges {@code field} in each reply; a broken SHOULD is reported once, for the first reply that breaks it. */
    private static void everyReply(CaseContext ctx, Played p, Level level, String field,
            ToLongFunction<TcpMessageHeader> get, Expected expected) {
        for (Played.Reply r : p.replies()) {
            TcpMessageHeader h = r.header(ctx);
            long want = expected.of(r, h);
            long got = get.applyAsLong(h);
            if (want != got) {
                ctx.check(ctx.serverCase().section(), level, false, field + " of " + r.label(),
                        String.format("0x%X", want), String.format("0x%X", got));
                return;
            }
        }
    }

    /** A wrong length shows as a stream that can no longer be cut into units. */
    private static void noLostFraming(CaseContext ctx, Played p) {
        for (TranscriptEntry e : p.client().transcript().entries()) {
            ctx.must(!(e.direction() == Direction.S2C && e.kind() == TranscriptEntry.Kind.RAW),
                    "the server's stream stays framed: " + e.note());
        }
    }
}
