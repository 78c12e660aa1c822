package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/** MS-MMSP 2.2.4.10: the fields of LinkMacToViewerReportStartedPlaying, the reply to StartPlaying. */
final class S2_2_4_10_ReportStartedPlaying {

    private static final String REPLY = "LinkMacToViewerReportStartedPlaying";
    /** A StartPlaying playIncarnation of the new clients' PlayIncarnation range that Handshake does not use. */
    private static final long PLAY_INCARNATION = 0x47;

    private S2_2_4_10_ReportStartedPlaying() {
    }

    /** The reply and the openFileId the session got. */
    private record Started(LinkMacToViewerReportStartedPlaying reply, long openFileId) {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.10", REPLY);
        g.add(1, MUST, "StartPlaying is answered by a message with MID 0x00040005").covers("R1")
                .run(S2_2_4_10_ReportStartedPlaying::started);
        g.add(2, MUST, "playIncarnation echoes StartPlaying's (0x47)").covers("R2").run(ctx ->
                ctx.mustEqual("playIncarnation of " + REPLY, PLAY_INCARNATION, started(ctx).reply().playIncarnation()));
        g.add(3, SHOULD, "tigerFileId repeats ReportOpenFile's openFileId").covers("R3").run(ctx -> {
            Started s = started(ctx);
            ctx.shouldEqual("tigerFileId of " + REPLY + " (openFileId)", s.openFileId(), s.reply().tigerFileId());
        });
        g.add(4, MUST, "unused1 is 0x00000000 or 0x40000000").covers("R5").run(ctx -> {
            long u = started(ctx).reply().unused1();
            ctx.must(u == 0 || u == 0x40000000L, String.format("unused1 of %s is 0x%08X", REPLY, u));
        });
        g.add(5, MUST, "All 12 bytes of unused2 are 0x00").covers("R7").run(ctx -> {
            var u = started(ctx).reply().unused2();
            ctx.must(u.isAllZero(), "unused2 of " + REPLY + " is " + u.hex());
        });
        return g;
    }

    /** StartPlaying with playIncarnation 0x47 once every stream is selected: the reply. */
    private static Started started(CaseContext ctx) {
        Handshake h = ctx.handshake().upTo(Stage.STREAMS_SWITCHED);
        h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY_INCARNATION));
        return new Started(h.client().expect(LinkMacToViewerReportStartedPlaying.class), h.openFileId());
    }
}
