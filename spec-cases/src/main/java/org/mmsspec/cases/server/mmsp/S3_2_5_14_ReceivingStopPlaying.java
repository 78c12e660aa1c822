package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.mmsp.SessionSteps.PLAY;
import static org.mmsspec.cases.server.mmsp.SessionSteps.REPLAY;
import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;

/** MS-MMSP 3.2.5.14: StopPlaying ends streaming with ReportEndOfStream; a later StartPlaying plays again. */
final class S3_2_5_14_ReceivingStopPlaying {

    private static final Section DATA = Section.mmsp("2.2.2");
    private static final Section END_OF_STREAM = Section.mmsp("2.2.4.5");
    /** AFFlags are 8 bits; the last value before the sequence should start again is 0xFE (MS-MMSP 2.2.2). */
    private static final int LAST_AF = 0xFE;

    private S3_2_5_14_ReceivingStopPlaying() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.14", "Receiving a LinkViewerToMacStopPlaying Message");
        g.add(1, MUST, "StopPlaying after StartPlaying is answered with ReportEndOfStream, hr 0").covers("R5", "R6")
                .run(ctx -> {
                    var stopped = SessionSteps.stop(playing(ctx), PLAY);
                    ctx.mustEqual("hr of ReportEndOfStream answering StopPlaying", 0L, stopped.end().hr());
                });
        g.add(2, MUST, "ReportEndOfStream answering StopPlaying echoes its playIncarnation")
                .covers("R7", "MMSP-2.2.4.5-R2").run(ctx -> {
                    var stopped = SessionSteps.stop(playing(ctx), PLAY);
                    ctx.check(END_OF_STREAM, MUST, stopped.end().playIncarnation() == PLAY,
                            "playIncarnation of ReportEndOfStream echoes StopPlaying's", Long.toString(PLAY),
                            Long.toString(stopped.end().playIncarnation()));
                });
        g.add(3, MUST, "StartPlaying and StopPlaying in one write: after the ReportEndOfStream answering the stop no Data"
                + " packet follows").covers("R3").run(ctx -> {
                    // paced: packets still due when the stop comes, which a server that sends all at once has not
                    Handshake h = SessionSteps.ready(ctx, ctx.target().pacedEndpoint());
                    // in one read: the stop comes as early as it can, while a paced server is surely STREAMING
                    h.client().sendBackToBack(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY),
                            new LinkViewerToMacStopPlaying(h.openFileId(), PLAY), SessionSteps.selectAll(h.header()));
                    var stopped = SessionSteps.untilBarrier(h.client());
                    ctx.mustEqual("Data packets between ReportEndOfStream and the next reply", 0, stopped.afterEnd());
                    var data = SessionSteps.dataWithinQuiet(h.client());
                    ctx.must(data == null, "a Data packet came after StopPlaying was answered: "
                            + (data == null ? "" : data.summary()));
                });
        g.add(4, MUST, "StartPlaying after a stop, with a new playIncarnation: ReportStartedPlaying, then Data packets"
                + " carrying the new one").covers("R8", "MMSP-3.2.5.11-R6").run(ctx -> {
                    Handshake h = playing(ctx);
                    SessionSteps.stop(h, PLAY);
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, REPLAY));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    DataPacket first = SessionSteps.nextData(h.client());
                    ctx.mustEqual("playIncarnation of the first Data packet after the restart", REPLAY,
                            (long) first.playIncarnation());
                });
        g.add(5, MUST, "StartPlaying after a stop with locationId N seeks: the first Data packet is packet N")
                .covers("R8", "MMSP-3.2.5.11-R4").run(ctx -> {
                    ctx.requireStored();
                    Handshake h = playing(ctx);
                    var stopped = SessionSteps.stop(h, PLAY);
                    long n = stopped.data().isEmpty() ? 2 : stopped.data().get(0).LocationId() + 1;
                    SessionSteps.playFrom(h, n, REPLAY);
                    DataPacket first = SessionSteps.nextData(h.client());
                    ctx.mustEqual("LocationId of the first Data packet after restarting at locationId " + n, n,
                            first.LocationId());
                });
        g.add(6, MUST, "The AFFlags sequence runs on across a stop and restart: one more than the last sent (0 after"
                + " 0xFE)").covers("MMSP-2.2.2-R12", "R8").judgedBy(DATA).run(ctx -> {
                    Handshake h = playing(ctx);
                    var stopped = SessionSteps.stop(h, PLAY);
                    int last = stopped.data().isEmpty() ? -1 : stopped.data().get(stopped.data().size() - 1).AFFlags();
                    ctx.must(last >= 0, "Data packets came before the stop was answered");
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, REPLAY));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    int first = SessionSteps.nextData(h.client()).AFFlags();
                    ctx.must(first == (last + 1 & 0xFF) || last == LAST_AF && first == 0,
                            "AFFlags after the restart go on from " + last + ", not to " + first);
                });
        g.add(7, SHOULD, "Stop and restart after a Data packet with AFFlags 0xFE: the first Data packet of the new"
                + " play has AFFlags 0").covers("MMSP-2.2.2-R13").judgedBy(DATA).run(ctx -> afterWrap(ctx));
        return g;
    }

    /** A fresh session that has started playing from the start and got its first Data packet. */
    private static Handshake playing(CaseContext ctx) {
        Handshake h = SessionSteps.ready(ctx);
        h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
        h.client().expect(LinkMacToViewerReportStartedPlaying.class);
        SessionSteps.nextData(h.client());
        return h;
    }

    /**
     * Plays the file whole as often as fits, then its tail, so that the last Data packet sent has AFFlags 0xFE; then
     * starts again.
     */
    private static void afterWrap(CaseContext ctx) {
        ctx.requireStored();
        Handshake h = SessionSteps.ready(ctx);
        long inc = 9;
        long start = System.nanoTime();
        List<DataPacket> whole = play(h, 0, inc++);
        ctx.must(!whole.isEmpty(), "a play from the start gives Data packets");
        AfFlagsWrap.requireTime(ctx, start, whole.size());
        int last = whole.get(whole.size() - 1).AFFlags();
        while (last != LAST_AF) {
            int missing = LAST_AF - last;
            long from = missing >= whole.size() ? 0 : whole.get(whole.size() - missing).LocationId();
            List<DataPacket> run = play(h, from, inc++);
            if (run.isEmpty() || inc > 0xFE) {
                ctx.skip("could not make a play end on AFFlags 0xFE");
            }
            int next = run.get(run.size() - 1).AFFlags();
            if (next < last && next != LAST_AF) {
                ctx.skip("the AFFlags sequence wrapped past 0xFE within one play");
            }
            last = next;
        }
        h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, inc));
        h.client().expect(LinkMacToViewerReportStartedPlaying.class);
        int first = SessionSteps.nextData(h.client()).AFFlags();
        ctx.shouldEqual("AFFlags of the first Data packet after a play that ended on 0xFE", 0, first);
    }

    /** A play from {@code locationId} (0: the start) to its ReportEndOfStream. */
    private static List<DataPacket> play(Handshake h, long locationId, long inc) {
        if (locationId == 0) {
            h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, inc));
            h.client().expect(LinkMacToViewerReportStartedPlaying.class);
        } else {
            SessionSteps.playFrom(h, locationId, inc);
        }
        return SessionSteps.untilEnd(h.client()).data();
    }
}
