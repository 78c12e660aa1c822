package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/** MS-MMSP 3.2.5.17 with bad input: CloseFile for another file or before there is one, and messages after it. */
final class S3_2_5_17_ReceivingCloseFile_Malformed {

    private S3_2_5_17_ReceivingCloseFile_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.17", "Receiving a LinkViewerToMacCloseFile Message");
        g.add(50, MUST, "CloseFile with an openFileId one past the one ReportOpenFile gave is refused")
                .covers("R3").tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.HEADER_READ);
                    h.client().send(LinkViewerToMacCloseFile.of((h.openFileId() + 1) & 0xFFFFFFFFL));
                    refused(ctx, h.client());
                });
        g.add(51, MUST, "CloseFile after ReportConnectedFunnel, before any OpenFile, is refused").covers("R3")
                .tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FUNNEL_CONNECTED).client();
                    c.send(LinkViewerToMacCloseFile.of(1));
                    refused(ctx, c);
                });
        g.add(52, MUST, "StartPlaying right behind CloseFile in one segment: the server closes and does not play")
                .covers("R4").tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.STREAMS_SWITCHED);
                    MmstClient c = h.client();
                    int seq = c.nextSeq();
                    c.sendRaw(concat(CommandPacketCodec.encode(seq, LinkViewerToMacCloseFile.of(h.openFileId())),
                            CommandPacketCodec.encode(seq + 1, LinkViewerToMacStartPlaying.of(h.openFileId(), 0,
                                    Handshake.OPEN_INCARNATION + 2))));
                    Outcome o = c.readUntil(r -> r.message(LinkMacToViewerReportStartedPlaying.class).isPresent()
                            || r.dataPacket().isPresent());
                    ctx.must(o instanceof Outcome.Eof || o instanceof Outcome.Reset,
                            "after CloseFile the connection closes with nothing played; got " + o.summary());
                });
        return g;
    }
}
