package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.mmsp.SessionSteps.PLAY;
import static org.mmsspec.codec.Level.MUST;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/** MS-MMSP 3.2.5.10: StreamSwitch is answered, and the selection it makes is what the server sends. */
final class S3_2_5_10_ReceivingStreamSwitch {

    private S3_2_5_10_ReceivingStreamSwitch() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.10", "Receiving a LinkViewerToMacStreamSwitch Message");
        g.add(1, MUST, "StreamSwitch in READY selecting every stream is answered with ReportStreamSwitch, hr 0")
                .covers("R6", "MMSP-2.2.4.13-R1").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    h.client().send(SessionSteps.selectAll(h.header()));
                    var reply = h.client().expect(LinkMacToViewerReportStreamSwitch.class);
                    ctx.mustEqual("hr of ReportStreamSwitch", 0L, reply.hr());
                });
        g.add(2, MUST, "StreamSwitch turning one stream on and the others off (destination 0xFFFF): only its payloads"
                + " are sent").covers("R3", "MMSP-3.2.5.11.1-R2").run(ctx -> selectOne(ctx, false));
        g.add(3, MUST, "StreamSwitch turning streams off the deployed way (thinning level 2): only the stream left on"
                + " is sent").covers("R3", "MMSP-3.2.5.11.1-R2")
                .erratum("FFmpeg, libmms and VLC switch a stream off with destination set and thinning level 2 rather"
                        + " than destination 0xFFFF; servers honour both")
                .run(ctx -> selectOne(ctx, true));
        g.add(4, MUST, "Two StreamSwitch in READY, the second selecting every stream again: the later selection holds")
                .covers("R3", "R8").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    Set<Integer> all = h.header().streamNumbers();
                    int one = all.iterator().next();
                    h.client().send(LinkViewerToMacStreamSwitch.of(entries(all, one, false)));
                    h.client().expect(LinkMacToViewerReportStreamSwitch.class);
                    h.client().send(SessionSteps.selectAll(h.header()));
                    h.client().expect(LinkMacToViewerReportStreamSwitch.class);
                    Set<Integer> seen = streamsOfPlay(h);
                    ctx.mustEqual("streams with payloads in the play", all, seen);
                });
        g.add(5, MUST, "StreamSwitch after StartPlaying keeping the selection: ReportStreamSwitch, and the play goes on"
                + " to its end without a gap").covers("R6", "R7").run(ctx -> {
                    ctx.requireStored();
                    List<DataPacket> whole = SessionSteps.wholeFile(ctx);
                    Handshake h = SessionSteps.ready(ctx);
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    DataPacket first = SessionSteps.nextData(h.client());
                    h.client().send(SessionSteps.selectAll(h.header()));
                    var rest = SessionSteps.untilEnd(h.client());
                    if (!rest.got(LinkMacToViewerReportStreamSwitch.class)) {
                        h.client().expect(LinkMacToViewerReportStreamSwitch.class); // the play ended first
                    }
                    ctx.mustEqual("Data packets of the play", whole.size(), 1 + rest.data().size());
                    ctx.mustEqual("LocationId of the last Data packet", whole.get(whole.size() - 1).LocationId(),
                            rest.data().isEmpty() ? first.LocationId()
                                    : rest.data().get(rest.data().size() - 1).LocationId());
                });
        return g;
    }

    /** Selects the first stream of the header alone and plays the file: no payload of another stream may come. */
    private static void selectOne(CaseContext ctx, boolean thinning) {
        Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
        Set<Integer> all = h.header().streamNumbers();
        if (all.size() < 2) {
            ctx.skip("the media has one stream only: " + all);
        }
        int one = all.iterator().next();
        h.client().send(LinkViewerToMacStreamSwitch.of(entries(all, one, thinning)));
        h.client().expect(LinkMacToViewerReportStreamSwitch.class);
        Set<Integer> seen = streamsOfPlay(h);
        ctx.must(!seen.isEmpty(), "the play of stream " + one + " gave no payload at all");
        ctx.mustEqual("streams with payloads when only stream " + one + " is selected", Set.of(one), seen);
    }

    private static StreamSwitchEntry[] entries(Set<Integer> all, int on, boolean thinning) {
        return all.stream().map(n -> n == on ? StreamSwitchEntry.on(n)
                : thinning ? new StreamSwitchEntry(StreamSwitchEntry.NO_STREAM, n, 2) : StreamSwitchEntry.off(n))
                .toArray(StreamSwitchEntry[]::new);
    }

    /** StartPlaying from the start and the streams whose payloads the Data packets carry, up to the end. */
    private static Set<Integer> streamsOfPlay(Handshake h) {
        h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
        h.client().expect(LinkMacToViewerReportStartedPlaying.class);
        Set<Integer> seen = new HashSet<>();
        for (DataPacket d : SessionSteps.untilEnd(h.client()).data()) {
            seen.addAll(AsfPacketInfo.of(d.Payload()).streams());
        }
        return seen;
    }
}
