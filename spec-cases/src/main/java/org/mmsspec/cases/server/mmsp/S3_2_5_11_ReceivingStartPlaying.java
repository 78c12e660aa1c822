package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.mmsp.SessionSteps.BY_OFFSET_OR_LOCATION;
import static org.mmsspec.cases.server.mmsp.SessionSteps.NOT_USED;
import static org.mmsspec.cases.server.mmsp.SessionSteps.PLAY;
import static org.mmsspec.codec.Level.MUST;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/** MS-MMSP 3.2.5.11: StartPlaying seeks in READY, takes a new incarnation and plays only selected streams. */
final class S3_2_5_11_ReceivingStartPlaying {

    private static final Section SENDING_DATA = Section.mmsp("3.2.5.11.1");
    private static final Section READ_BLOCK = Section.mmsp("3.2.5.8");
    /** How WMS 4.0 and 4.1 name themselves in Connect, as the spec's tables spell it (MS-MMSP 2.2.4.17). */
    private static final String SPOOOON = "Spoooon!";

    private S3_2_5_11_ReceivingStartPlaying() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.11", "Receiving a LinkViewerToMacStartPlaying Message");
        g.add(1, MUST, "StartPlaying with no StreamSwitch before it: ReportStartedPlaying, and no Data packet (no"
                + " stream is selected)").covers("R8", "R9").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    var data = SessionSteps.dataWithinQuiet(h.client());
                    ctx.must(data == null, "a Data packet came although no StreamSwitch selected a stream: "
                            + (data == null ? "" : data.summary()));
                });
        g.add(2, MUST, "StartPlaying in READY with locationId N: the first Data packet is ASF data packet N")
                .covers("R4").run(ctx -> seek(ctx, Seek.LOCATION_ID));
        g.add(3, MUST, "StartPlaying in READY with asfOffset inside packet N: the first Data packet is ASF data"
                + " packet N")
                .covers("R4").run(ctx -> seek(ctx, Seek.ASF_OFFSET));
        g.add(4, MUST, "StartPlaying in READY with position T: the first Data packet is the one holding T, or the first"
                + " sent at or after T").covers("R4").run(ctx -> seek(ctx, Seek.POSITION));
        g.add(5, MUST, "Data packets after StartPlaying carry its playIncarnation (low 8 bits)")
                .covers("R6", "R10", "R12", "MMSP-3.2.5.11.1-R8").run(ctx -> {
                    Handshake h = SessionSteps.ready(ctx);
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    DataPacket first = SessionSteps.nextData(h.client());
                    ctx.mustEqual("playIncarnation of the first Data packet", PLAY, (long) first.playIncarnation());
                });
        g.add(6, MUST, "Over a UDP funnel: the header comes by UDP after ReadBlock, and Data packets by UDP to the"
                + " client's port, none on TCP").covers("R12", "MMSP-3.2.5.11.1-R9", "MMSP-3.2.5.5-R4",
                        "MMSP-3.2.5.8-R13").tags(ServerCase.UDP).run(ctx -> {
                    UdpPlay p = UdpPlay.ready(ctx, ctx.target().mediaEndpoint(), false);
                    p.play(PLAY);
                    DataPacket first = p.data(PLAY, 1).get(0);
                    ctx.check(SENDING_DATA, Level.MUST, first.LocationId() == 0,
                            "the first Data packet by UDP is ASF data packet 0", "0", first.LocationId() + "");
                    var onTcp = SessionSteps.dataWithinQuiet(p.tcp);
                    ctx.check(SENDING_DATA, Level.MUST, onTcp == null,
                            "no Data packet on TCP when ConnectFunnel named UDP", "none",
                            onTcp == null ? "" : onTcp.summary());
                });
        g.add(7, MUST, "Over a UDP funnel with packet-pair granted: two packet-pair Data packets by UDP before the"
                + " header (LocationId F0F0F000/1, 0xFF, 0x10)").covers("MMSP-3.2.5.8-R5", "MMSP-3.2.5.8-R9",
                        "MMSP-3.2.5.8-R10", "MMSP-3.2.5.8-R11", "MMSP-3.2.5.8-R8").tags(ServerCase.UDP).run(ctx -> {
                    UdpPlay p = UdpPlay.ready(ctx, ctx.target().mediaEndpoint(), true);
                    if (!p.pairGranted) {
                        ctx.skip("the target does not grant packet-pair (ReportConnectedEX playIncarnation EF)");
                    }
                    ctx.check(READ_BLOCK, MUST, p.pair.size() == 2, "two packet-pair Data packets by UDP", "2",
                            Integer.toString(p.pair.size()));
                    for (int k = 0; k < 2; k++) {
                        DataPacket d = p.pair.get(k);
                        ctx.check(READ_BLOCK, MUST, d.LocationId() == 0xF0F0F000L + k
                                && d.playIncarnation() == DataPacket.PACKET_PAIR_INCARNATION,
                                "packet-pair Data packet " + (k + 1) + " has LocationId F0F0F00" + k
                                        + " and playIncarnation 0xFF", null, d.toString());
                    }
                    ctx.check(READ_BLOCK, MUST, !p.pair.get(0).Payload().equals(p.pair.get(1).Payload()),
                            "the two packet-pair payloads are different random data", null, null);
                });
        g.add(8, MUST, "A \"Spoooon!\" (WMS 4.x) client that sends no StreamSwitch gets every stream after StartPlaying")
                .covers("R7").run(ctx -> {
                    Handshake h = ctx.handshake().subscriberName(SPOOOON).upTo(Handshake.Stage.HEADER_READ);
                    h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    Set<Integer> seen = new HashSet<>();
                    SessionSteps.untilEnd(h.client()).data()
                            .forEach(d -> seen.addAll(AsfPacketInfo.of(d.Payload()).streams()));
                    ctx.mustEqual("streams with payloads for a WMS 4.x client", h.header().streamNumbers(), seen);
                });
        g.add(9, Level.SHOULD, "StartPlaying with frameOffset T (stop time from content time 0): Data packets stop at T,"
                + " then ReportEndOfStream").covers("R12")
                .erratum("2.2.4.25 defines frameOffset as the time the server is asked to stop at, but no server-side"
                        + " statement says it must; judged as SHOULD")
                .run(ctx -> {
                    ctx.requireStored();
                    List<DataPacket> whole = SessionSteps.firstPackets(ctx, SessionSteps.SEEK_SAMPLE);
                    ctx.must(whole.size() >= 4, "the file played from the start gives at least 4 Data packets, not "
                            + whole.size());
                    long stop = sendTime(whole.get(middle(whole)));
                    Handshake h = SessionSteps.ready(ctx);
                    h.client().send(new LinkViewerToMacStartPlaying(h.openFileId(), 0, 0, NOT_USED, NOT_USED, stop,
                            PLAY, 0, 0, 0, 0));
                    h.client().expect(LinkMacToViewerReportStartedPlaying.class);
                    // the packet that holds the stop time may be finished; any later one is played past the stop
                    long past = SessionSteps.untilEnd(h.client()).data().stream().filter(d -> sendTime(d) > stop)
                            .count();
                    ctx.should(past <= 1, past + " Data packets sent after the stop time " + stop + " ms");
                });
        return g;
    }

    private enum Seek { LOCATION_ID, ASF_OFFSET, POSITION }

    /**
     * Plays the start of the file once, then starts a fresh session in the middle of it and compares the first Data packet
     * with the packet of the whole play that should come first.
     */
    private static void seek(CaseContext ctx, Seek how) {
        ctx.requireStored();
        List<DataPacket> whole = SessionSteps.firstPackets(ctx, SessionSteps.SEEK_SAMPLE);
        ctx.must(whole.size() >= 4, "the file played from the start gives at least 4 Data packets, not "
                + whole.size());
        int m = middle(whole);
        DataPacket target = whole.get(m);
        Handshake h = SessionSteps.ready(ctx);
        var file = h.openFileReply();
        h.client().send(switch (how) {
            case LOCATION_ID -> SessionSteps.startAt(h.openFileId(), BY_OFFSET_OR_LOCATION, NOT_USED,
                    target.LocationId(), PLAY);
            case ASF_OFFSET -> SessionSteps.startAt(h.openFileId(), BY_OFFSET_OR_LOCATION,
                    file.fileHeaderSize() + target.LocationId() * file.filePacketSize() + file.filePacketSize() / 2,
                    NOT_USED, PLAY);
            case POSITION -> SessionSteps.startAt(h.openFileId(), sendTime(target) / 1000.0, NOT_USED, NOT_USED,
                    PLAY);
        });
        h.client().expect(LinkMacToViewerReportStartedPlaying.class);
        DataPacket first = SessionSteps.nextData(h.client());
        DataPacket holding = whole.get(m - 1);
        boolean right = first.LocationId() == target.LocationId()
                || how == Seek.POSITION && first.LocationId() == holding.LocationId();
        ctx.must(right, "after a seek by " + how.name().toLowerCase().replace('_', ' ') + " to ASF data packet "
                + target.LocationId() + " the first Data packet is packet " + first.LocationId());
        DataPacket same = first.LocationId() == target.LocationId() ? target : holding;
        ctx.must(first.Payload().equals(same.Payload()), "the first Data packet after the seek carries the same ASF"
                + " data packet as packet " + same.LocationId() + " of a play from the start");
    }

    /** A packet in the middle whose send time is later than the one before it, so that a position names it. */
    private static int middle(List<DataPacket> whole) {
        for (int m = whole.size() / 2; m < whole.size() - 1; m++) {
            if (sendTime(whole.get(m)) > sendTime(whole.get(m - 1))) {
                return m;
            }
        }
        return whole.size() / 2;
    }

    private static long sendTime(DataPacket d) {
        return AsfPacketInfo.of(d.Payload()).sendTime();
    }
}
