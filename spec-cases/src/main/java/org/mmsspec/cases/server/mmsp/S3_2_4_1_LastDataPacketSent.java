package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.time.Duration;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;

/**
 * MS-MMSP 3.2.4.1: after the last Data packet of an entry comes ReportEndOfStream, hr 1 where the server-side
 * playlist goes on and hr 0 at its end; nothing follows it, and the server takes a new StartPlaying.
 */
final class S3_2_4_1_LastDataPacketSent {

    /** How long the cases wait to see that nothing comes. */
    static final Duration QUIET = Duration.ofMillis(300);
    /** Playlist entries read at most. */
    private static final int MAX_ENTRIES = 16;

    private S3_2_4_1_LastDataPacketSent() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.4.1", "Notification That the Last Data Packet Has Been Sent");
        g.add(1, MUST, "Played to its end, the content is followed by ReportEndOfStream").covers("R1").run(ctx -> {
            ctx.requireStored();
            Played.play(ctx).firstComplete();
        });
        g.add(2, MUST, "At the end of a single file, ReportEndOfStream has hr 0").covers("R4").run(ctx -> {
            ctx.requireStored();
            var eos = Played.play(ctx).firstComplete().endOfStream();
            ctx.mustEqual("hr of ReportEndOfStream", LinkMacToViewerReportEndOfStream.END_OF_ENTRY, eos.hr());
        });
        g.add(3, MUST, "At the end of a playlist entry that others follow, ReportEndOfStream has hr 1").covers("R3")
                .run(ctx -> {
                    var eos = Played.play(ctx, ctx.handshake(ctx.requirePlaylist())).firstComplete().endOfStream();
                    ctx.mustEqual("hr of ReportEndOfStream after the first playlist entry",
                            LinkMacToViewerReportEndOfStream.STREAM_CHANGE_FOLLOWS, eos.hr());
                });
        g.add(4, MUST, "At the end of the last playlist entry, ReportEndOfStream has hr 0").covers("R4").run(ctx -> {
            Played p = Played.play(ctx, ctx.handshake(ctx.requirePlaylist()));
            var run = p.firstComplete();
            for (int i = 1; run.endOfStream().hr() == LinkMacToViewerReportEndOfStream.STREAM_CHANGE_FOLLOWS; i++) {
                ctx.must(i < MAX_ENTRIES, "the playlist ends within " + MAX_ENTRIES + " entries");
                run = p.nextEntry();
                ctx.must(run.endOfStream() != null, "ReportEndOfStream ends playlist entry " + i + ": "
                        + run.end().summary());
            }
            ctx.mustEqual("hr of the last ReportEndOfStream", LinkMacToViewerReportEndOfStream.END_OF_ENTRY,
                    run.endOfStream().hr());
        });
        g.add(5, MUST, "No Data packet follows ReportEndOfStream hr 0 (waits " + QUIET.toMillis() + " ms)")
                .covers("R1").run(ctx -> {
                    ctx.requireStored();
                    Played p = Played.play(ctx);
                    p.firstComplete();
                    Outcome o = p.client().readUntil(r -> r.dataPacket().isPresent(), QUIET);
                    ctx.must(!(o instanceof Outcome.Received), "a Data packet came after ReportEndOfStream: "
                            + o.summary());
                });
        g.add(6, SHOULD, "Each ReportEndOfStream travels alone in its TcpMessageHeader packet (the playlist where "
                + "given)").covers("R6", "MMSP-3.2.5.2-R3").run(ctx -> {
                    ctx.requireStored();
                    Played p = ctx.target().playlist().isPresent()
                            ? Played.play(ctx, ctx.handshake(ctx.target().playlist().get()))
                            : Played.play(ctx);
                    var run = p.firstComplete();
                    for (int i = 1; i < MAX_ENTRIES && run.endOfStream() != null
                            && run.endOfStream().hr() == LinkMacToViewerReportEndOfStream.STREAM_CHANGE_FOLLOWS; i++) {
                        run = p.nextEntry();
                    }
                    alone(ctx, p);
                });
        g.add(7, MUST, "After ReportEndOfStream hr 0, a new StartPlaying is taken and the content plays again")
                .covers("R9").run(ctx -> {
                    ctx.requireStored();
                    Played p = Played.play(ctx);
                    p.firstComplete();
                    var again = p.again(0);
                    ctx.must(!again.packets().isEmpty(), "Data packets follow the second StartPlaying: "
                            + again.end().summary());
                });
        return g;
    }

    private static void alone(CaseContext ctx, Played p) {
        for (Played.Reply r : p.replies()) {
            if (r.packet() != null && r.packet().messages().stream()
                    .anyMatch(m -> m instanceof LinkMacToViewerReportEndOfStream)) {
                ctx.should(r.packet().messages().size() == 1, r.label() + " carries ReportEndOfStream with "
                        + (r.packet().messages().size() - 1) + " other messages");
            }
        }
    }
}
