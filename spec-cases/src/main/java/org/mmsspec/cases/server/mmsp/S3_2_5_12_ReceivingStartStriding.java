package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.DataPacket;

/** MS-MMSP 3.2.5.12: StartStriding seeks in READY, takes a new incarnation and plays only selected streams. */
final class S3_2_5_12_ReceivingStartStriding {

    private S3_2_5_12_ReceivingStartStriding() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.12", "Receiving a LinkViewerToMacStartStriding Message");
        g.add(1, MUST, "Data packets after StartStriding carry its playIncarnation (low 8 bits)")
                .covers("R6", "R10", "R12").run(ctx -> {
                    Handshake h = Striding.ready(ctx);
                    Striding.start(h, 0);
                    DataPacket first = SessionSteps.nextData(h.client());
                    ctx.mustEqual("playIncarnation of the first Data packet", Striding.INC,
                            (long) first.playIncarnation());
                });
        g.add(2, MUST, "StartStriding in READY with locationId N: no Data packet before ASF data packet N")
                .covers("R4").run(ctx -> {
                    ctx.requireStored();
                    List<DataPacket> whole = SessionSteps.firstPackets(ctx, SessionSteps.SEEK_SAMPLE);
                    ctx.must(whole.size() >= 2, "the file played from the start gives Data packets");
                    long n = whole.get(whole.size() / 2).LocationId();
                    Handshake h = Striding.ready(ctx);
                    Striding.start(h, n);
                    DataPacket first = SessionSteps.nextData(h.client());
                    ctx.must(first.LocationId() >= n, "striding from packet " + n + " began with packet "
                            + first.LocationId());
                });
        g.add(3, MUST, "StartStriding with no StreamSwitch before it: ReportStartStriding, and no Data packet")
                .covers("R8", "R9").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    Striding.requireStride(ctx, h);
                    Striding.start(h, 0);
                    var data = SessionSteps.dataWithinQuiet(h.client());
                    ctx.must(data == null, "a Data packet came although no StreamSwitch selected a stream: "
                            + (data == null ? "" : data.summary()));
                });
        return g;
    }
}
