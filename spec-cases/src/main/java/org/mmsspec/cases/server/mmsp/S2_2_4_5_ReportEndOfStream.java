package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/** MS-MMSP 2.2.4.5: the MID and playIncarnation of LinkMacToViewerReportEndOfStream. */
final class S2_2_4_5_ReportEndOfStream {

    private S2_2_4_5_ReportEndOfStream() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.5", "LinkMacToViewerReportEndOfStream");
        g.add(1, MUST, "The message that ends the content carries MID 0x0004001E").covers("R1").run(ctx -> {
            ctx.requireStored();
            var run = Played.play(ctx).firstComplete();
            long mid = Played.u32(((Outcome.Received) run.end()).entry().raw(), TcpMessageHeader.SIZE + 4);
            ctx.mustEqual("MID at offset " + (TcpMessageHeader.SIZE + 4) + " of the packet ending the content",
                    LinkMacToViewerReportEndOfStream.TYPE.mid(), mid);
        });
        g.add(2, MUST, "At the end of the content, playIncarnation echoes the latest StartPlaying's (two plays)")
                .covers("R3").run(ctx -> {
                    ctx.requireStored();
                    Played p = Played.play(ctx);
                    var first = p.firstComplete();
                    ctx.mustEqual("playIncarnation of ReportEndOfStream after the first play",
                            first.playIncarnation(), first.endOfStream().playIncarnation());
                    var second = p.again(0);
                    ctx.must(second.endOfStream() != null, "ReportEndOfStream ends the second play: "
                            + second.end().summary());
                    ctx.mustEqual("playIncarnation of ReportEndOfStream after the second play",
                            second.playIncarnation(), second.endOfStream().playIncarnation());
                });
        g.add(3, MUST, "ReportEndOfStream answering StopPlaying echoes the StopPlaying's playIncarnation")
                .covers("R2").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.PLAYING);
                    h.client().send(new LinkViewerToMacStopPlaying(h.openFileId(), Played.PLAY_INCARNATION));
                    var eos = h.client().awaitMessage(LinkMacToViewerReportEndOfStream.class);
                    ctx.mustEqual("playIncarnation of ReportEndOfStream", Played.PLAY_INCARNATION,
                            eos.playIncarnation());
                });
        return g;
    }
}
